import type { AttributeMap } from './attribute-value.js'
import {
  type DynaliteAction,
  type DynaliteError,
  type DynaliteStoreState,
  dynaliteDb,
  requireDynalite,
} from './dynalite-internals.js'
import type { WriteCapacity } from './index-write-capacity.js'
import { validateItem, validateKey } from './key-validation-override.js'
import { getTable, runAction } from './store-calls.js'

interface WriteRequest {
  PutRequest?: { Item: AttributeMap }
  DeleteRequest?: { Key: AttributeMap }
}

type IndexUnits = Record<string, { CapacityUnits: number }>

/**
 * BatchWriteItem as dynalite runs it (every request validated against its table first, keys
 * unique, then each run by dynalite's PutItem or DeleteItem action), answering a
 * ConsumedCapacity per table that adds up what each write consumed, secondary index writes
 * included, with the per-index breakdown under `ReturnConsumedCapacity: 'INDEXES'` as
 * DynamoDB Local 3.3 answers; dynalite's own action counted table writes only.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
 */
export const batchWriteItem: DynaliteAction = (store, data, callback) => {
  answer(store, data).then(
    (result) => callback(null, result),
    (error: DynaliteError) => {
      const message = error?.body?.message
      // As dynalite: a key error of one entry is worded as a key error of the batch.
      if (
        typeof message === 'string' &&
        /Missing the key|Type mismatch for key/.test(message) &&
        error.body
      ) {
        error.body.message = 'The provided key element does not match the schema'
      }
      callback(error)
    },
  )
}

async function answer(
  store: DynaliteStoreState,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const putItem = requireDynalite<DynaliteAction>('actions/putItem')
  const deleteItem = requireDynalite<DynaliteAction>('actions/deleteItem')
  const requestItems = data.RequestItems as Record<string, WriteRequest[]>
  const writes: Array<() => Promise<Record<string, unknown>>> = []
  for (const tableName of Object.keys(requestItems)) {
    const table = await getTable(store, tableName)
    const seenKeys = new Set<string>()
    for (const request of requestItems[tableName] ?? []) {
      const options: Record<string, unknown> = { TableName: tableName }
      if (data.ReturnConsumedCapacity) options.ReturnConsumedCapacity = data.ReturnConsumedCapacity
      let key: string
      if (request.PutRequest) {
        const invalid = validateItem(request.PutRequest.Item, table)
        if (invalid) throw invalid
        options.Item = request.PutRequest.Item
        key = dynaliteDb.createKey(request.PutRequest.Item as never, table)
        writes.push(() => runAction(putItem, store, options))
      } else {
        const deleted = (request.DeleteRequest as { Key: AttributeMap }).Key
        const invalid = validateKey(deleted, table)
        if (invalid) throw invalid
        options.Key = deleted
        key = dynaliteDb.createKey(deleted as never, table)
        writes.push(() => runAction(deleteItem, store, options))
      }
      if (seenKeys.has(key)) {
        throw dynaliteDb.validationError('Provided list of item keys contains duplicates')
      }
      seenKeys.add(key)
    }
  }
  const results = await Promise.all(writes.map((write) => write()))
  const result: Record<string, unknown> = { UnprocessedItems: {} }
  const mode = data.ReturnConsumedCapacity
  if (mode === 'TOTAL' || mode === 'INDEXES') {
    result.ConsumedCapacity = totals(
      results.map((written) => written.ConsumedCapacity as WriteCapacity),
      mode,
    )
  }
  return result
}

function totals(capacities: WriteCapacity[], mode: 'TOTAL' | 'INDEXES'): WriteCapacity[] {
  const byTable = new Map<string, WriteCapacity>()
  for (const capacity of capacities) {
    if (!capacity) continue
    let total = byTable.get(capacity.TableName)
    if (!total) {
      total = { CapacityUnits: 0, TableName: capacity.TableName }
      if (mode === 'INDEXES') total.Table = { CapacityUnits: 0 }
      byTable.set(capacity.TableName, total)
    }
    total.CapacityUnits += capacity.CapacityUnits
    if (mode !== 'INDEXES') continue
    ;(total.Table as { CapacityUnits: number }).CapacityUnits += capacity.Table?.CapacityUnits ?? 0
    for (const kind of ['GlobalSecondaryIndexes', 'LocalSecondaryIndexes'] as const) {
      const units = capacity[kind]
      if (!units) continue
      const sums: IndexUnits = total[kind] ?? {}
      for (const [indexName, { CapacityUnits }] of Object.entries(units)) {
        sums[indexName] = { CapacityUnits: (sums[indexName]?.CapacityUnits ?? 0) + CapacityUnits }
      }
      total[kind] = sums
    }
  }
  return [...byTable.values()]
}
