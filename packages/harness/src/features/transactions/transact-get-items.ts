import type { StoredItem, StoredTable } from '../../engine/dynalite-internals.js'
import { type EngineResponse, okResponse } from '../../engine/engine-response.js'
import type { OperationCall } from '../feature-module.js'
import { noReason, transactionCanceled, validationFailed } from './cancellation-reasons.js'
import { readItem, readTable, runAction, runGuarded, StorageError } from './store-calls.js'
import { missingTable, transactGetActions } from './transact-items-shape.js'
import { TransactionCapacity } from './transaction-capacity.js'
import { checkKey, sameItemTwice } from './transaction-keys.js'
import { actionSpecs, isResponse, type ValidatedPart, validatePart } from './transaction-parts.js'

/**
 * TransactGetItems with DynamoDB's semantics
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactGetItems.html):
 * each Get is validated and answered as its GetItem, the items in request order (`{}` for a
 * missing one). The caller holds the namespace's lock alone, so every item is read from the same
 * state of the store: no write lands between two of the reads.
 */
export async function transactGetItems(call: OperationCall): Promise<EngineResponse> {
  const { payload, namespace } = call
  const actions = transactGetActions(payload)
  if (!Array.isArray(actions)) return actions
  for (const action of actions) call.recordOperation(actionSpecs[action.kind].iamAction)

  const store = namespace.engine.store
  const parts: ValidatedPart[] = []
  for (const action of actions) {
    const part = validatePart(action, store)
    if (isResponse(part)) return part
    parts.push(part)
  }

  return runGuarded(async () => {
    const tables = new Map<string, StoredTable>()
    const keys: Array<string | undefined> = []
    const problems: Array<string | undefined> = []
    for (const part of parts) {
      let table = tables.get(part.tableName)
      if (!table) {
        table = await readTable(store, part.tableName)
        if (!table) return missingTable()
        tables.set(part.tableName, table)
      }
      // DynamoDB Local cancels a TransactGetItems for a missing key attribute as well.
      const checked = checkKey(part.request.Key as StoredItem, table, {
        whole: false,
        cancelMissing: true,
      })
      if ('response' in checked) return checked.response
      keys.push('key' in checked ? checked.key : undefined)
      problems.push('reason' in checked ? checked.reason : undefined)
    }
    const seen = new Set<string>()
    for (const [position, key] of keys.entries()) {
      if (key === undefined) continue
      const item = `${parts[position]?.tableName}\n${key}`
      if (seen.has(item)) return sameItemTwice()
      seen.add(item)
    }
    if (problems.some((problem) => problem !== undefined)) {
      return transactionCanceled(
        problems.map((problem) => (problem === undefined ? noReason : validationFailed(problem))),
      )
    }

    const capacity = new TransactionCapacity()
    const responses: Array<Record<string, unknown>> = []
    for (const [position, part] of parts.entries()) {
      // dynalite's own GetItem, so projections and key-path checks are the single-item ones.
      const { error, result } = await runAction(part.action, store, part.data)
      if (error) {
        if (typeof error.statusCode === 'number' && error.statusCode < 500 && error.body) {
          return { statusCode: error.statusCode, body: error.body }
        }
        throw new StorageError(error)
      }
      responses.push(result?.Item ? { Item: result.Item } : {})
      if (
        payload.ReturnConsumedCapacity === 'TOTAL' ||
        payload.ReturnConsumedCapacity === 'INDEXES'
      ) {
        const item = await readItem(store.getItemDb(part.tableName), keys[position] as string)
        capacity.addRead(part.tableName, item)
      }
    }
    const consumed = capacity.report(payload.ReturnConsumedCapacity)
    return okResponse({ ...(consumed ? { ConsumedCapacity: consumed } : {}), Responses: responses })
  })
}
