import {
  type DynaliteStoreState,
  dynaliteDb,
  type StoredItem,
  type StoredTable,
} from '../../engine/dynalite-internals.js'
import { type EngineResponse, errorResponse, okResponse } from '../../engine/engine-response.js'
import type { Namespace } from '../../namespaces/namespace.js'
import type { OperationCall } from '../feature-module.js'
import {
  anyFailed,
  type CancellationReason,
  conditionFailed,
  noReason,
  transactionCanceled,
  validationFailed,
} from './cancellation-reasons.js'
import { ClientRequestTokens, requestFingerprint } from './client-request-tokens.js'
import { StagedStore } from './staged-store.js'
import {
  dynaliteMessage,
  isDynaliteError,
  readItem,
  readTable,
  runAction,
  runGuarded,
  StorageError,
} from './store-calls.js'
import { missingTable, transactWriteActions } from './transact-items-shape.js'
import { TransactionCapacity } from './transaction-capacity.js'
import { checkKey, sameItemTwice } from './transaction-keys.js'
import { actionSpecs, isResponse, type ValidatedPart, validatePart } from './transaction-parts.js'
import { checkPayloadSize } from './transaction-payload-size.js'

const tokensByNamespace = new WeakMap<Namespace, ClientRequestTokens>()

/**
 * dynalite's condition check (`db.checkConditional`), called through the module object at each
 * use, so a replacement installed by `engine/dynalite-overrides.ts` applies here as well.
 */
function checkConditional(data: Record<string, unknown>, item: StoredItem | undefined): unknown {
  const check = dynaliteDb.checkConditional as (
    data: Record<string, unknown>,
    item: StoredItem | undefined,
  ) => unknown
  return check(data, item)
}

/** A validated action with its table and item key, ready to run. */
interface PlannedPart extends ValidatedPart {
  readonly table: StoredTable
  /** dynalite's internal key of the item, or undefined when the key itself failed. */
  readonly key: string | undefined
  /** The key's own failure, which cancels the transaction with this action's reason. */
  readonly keyProblem: string | undefined
}

/**
 * TransactWriteItems with DynamoDB's semantics
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html):
 * every action is validated as its single-item request, then each runs on a staged view of the
 * store (its condition checked against the item as it was, its write held back); only when all
 * succeed is every write committed, otherwise TransactionCanceledException lists each action's
 * reason in request order and nothing changed. The caller holds the namespace's lock alone, so
 * no other request sees the store between the first check and the last write.
 */
export async function transactWriteItems(call: OperationCall): Promise<EngineResponse> {
  const { payload, namespace } = call
  const actions = transactWriteActions(payload)
  if (!Array.isArray(actions)) return actions
  // IAM authorizes a transaction by its parts, so the operation log counts them.
  for (const action of actions) call.recordOperation(actionSpecs[action.kind].iamAction)

  const store = namespace.engine.store
  const parts: ValidatedPart[] = []
  for (const action of actions) {
    const part = validatePart(action, store)
    if (isResponse(part)) return part
    parts.push(part)
  }
  const tooLarge = checkPayloadSize(parts)
  if (tooLarge) return tooLarge

  return runGuarded(async () => {
    const planned = await plan(store, parts)
    if (!Array.isArray(planned)) return planned

    const token = payload.ClientRequestToken as string | undefined
    const tokens = tokensOf(namespace)
    const fingerprint = token === undefined ? '' : requestFingerprint(payload.TransactItems)
    if (token !== undefined) {
      const tableIds = new Map<string, unknown>()
      for (const tableName of tokens.tablesOf(token)) {
        tableIds.set(tableName, (await readTable(store, tableName))?.TableId)
      }
      const seen = tokens.lookup(token, fingerprint, namespace.clock.now().getTime(), (name) =>
        tableIds.get(name),
      )
      if (seen === 'mismatch') {
        return errorResponse(
          'IdempotentParameterMismatchException',
          `The ClientRequestToken ${token} was used in the last 10 minutes for a TransactWriteItems request with other TransactItems: use a new token for a new request.`,
        )
      }
      if (seen === 'repeat') return repeated(store, planned, payload.ReturnConsumedCapacity)
    }

    const staged = new StagedStore(store)
    const capacity = new TransactionCapacity()
    const reasons: CancellationReason[] = []
    for (const part of planned) reasons.push(await runPart(store, staged, part, capacity))
    if (anyFailed(reasons)) return transactionCanceled(reasons)
    await staged.commit()

    if (token !== undefined) {
      const written = new Map(
        planned
          .filter((part) => part.kind !== 'ConditionCheck')
          .map((part) => [part.tableName, part.table.TableId as string]),
      )
      tokens.remember(token, fingerprint, namespace.clock.now().getTime(), written)
    }
    const body: Record<string, unknown> = {}
    const consumed = capacity.report(payload.ReturnConsumedCapacity)
    if (consumed) body.ConsumedCapacity = consumed
    const metrics =
      payload.ReturnItemCollectionMetrics === 'SIZE' ? itemCollectionMetrics(planned) : undefined
    if (metrics) body.ItemCollectionMetrics = metrics
    return okResponse(body)
  })
}

/**
 * Finds each action's table (in request order: the first missing table refuses the request),
 * checks its key, and refuses two actions on one item, in DynamoDB Local's order.
 */
async function plan(
  store: DynaliteStoreState,
  parts: readonly ValidatedPart[],
): Promise<PlannedPart[] | EngineResponse> {
  const tables = new Map<string, StoredTable>()
  const planned: PlannedPart[] = []
  for (const part of parts) {
    let table = tables.get(part.tableName)
    if (!table) {
      table = await readTable(store, part.tableName)
      if (!table) return missingTable()
      tables.set(part.tableName, table)
    }
    const keyItem = part.request[part.spec.keyField] as StoredItem
    const checked = checkKey(keyItem, table, {
      whole: part.spec.keyField === 'Item',
      cancelMissing: false,
    })
    if ('response' in checked) return checked.response
    planned.push({
      ...part,
      table,
      key: 'key' in checked ? checked.key : undefined,
      keyProblem: 'reason' in checked ? checked.reason : undefined,
    })
  }
  const seen = new Set<string>()
  for (const part of planned) {
    if (part.key === undefined) continue
    const item = `${part.tableName}\n${part.key}`
    if (seen.has(item)) return sameItemTwice()
    seen.add(item)
  }
  return planned
}

/** Runs one action on the staged store; its cancellation reason, `None` when it succeeded. */
async function runPart(
  store: DynaliteStoreState,
  staged: StagedStore,
  part: PlannedPart,
  capacity: TransactionCapacity,
): Promise<CancellationReason> {
  if (part.key === undefined) return validationFailed(part.keyProblem ?? 'Invalid key')
  const before = await readItem(store.getItemDb(part.tableName), part.key)
  const wantsItem = part.member.ReturnValuesOnConditionCheckFailure === 'ALL_OLD'
  if (part.kind === 'ConditionCheck') {
    const failed = checkConditional(part.data, before)
    if (failed) return conditionFailed(true, wantsItem ? before : undefined)
    capacity.addRead(part.tableName, before)
    return noReason
  }
  const { error } = await runAction(part.action, staged.store, part.data)
  if (error) {
    if (isDynaliteError(error, 'ConditionalCheckFailedException')) {
      return conditionFailed(false, wantsItem ? before : undefined)
    }
    if (isDynaliteError(error, 'ValidationException')) {
      // The service cancels for what a write's own effect breaks (a type mismatch in an update,
      // an item grown past 400 KB...), naming it in the reasons; DynamoDB Local 3.3.0 refuses
      // the whole request with a ValidationException instead. This follows the service:
      // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html#API_TransactWriteItems_Errors
      return validationFailed(dynaliteMessage(error))
    }
    throw new StorageError(error)
  }
  capacity.addWrite(part.table, before, staged.written(part.tableName, part.key)?.item)
  return noReason
}

/**
 * The answer to a retry of a transaction that already succeeded: nothing is written again; the
 * capacity reported is that of reading the items, as the service documents for retries.
 */
async function repeated(
  store: DynaliteStoreState,
  planned: readonly PlannedPart[],
  mode: unknown,
): Promise<EngineResponse> {
  const capacity = new TransactionCapacity()
  for (const part of planned) {
    const item = part.key ? await readItem(store.getItemDb(part.tableName), part.key) : undefined
    capacity.addRead(part.tableName, item)
  }
  const consumed = capacity.report(mode)
  return okResponse(consumed ? { ConsumedCapacity: consumed } : {})
}

/**
 * `ItemCollectionMetrics` for the written items of tables with local secondary indexes (only
 * they have item collections). The size estimate is the service's lowest range, [0, 1] GB: an
 * emulator's item collection is far below a gigabyte.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ItemCollectionMetrics.html
 */
function itemCollectionMetrics(
  planned: readonly PlannedPart[],
): Record<string, Array<Record<string, unknown>>> | undefined {
  const metrics: Record<string, Array<Record<string, unknown>>> = {}
  for (const part of planned) {
    if (part.kind === 'ConditionCheck' || !part.table.LocalSecondaryIndexes?.length) continue
    const hashKey = part.table.KeySchema[0]?.AttributeName as string
    const keyItem = part.request[part.spec.keyField] as StoredItem
    metrics[part.tableName] ??= []
    metrics[part.tableName]?.push({
      ItemCollectionKey: { [hashKey]: keyItem[hashKey] },
      SizeEstimateRangeGB: [0, 1],
    })
  }
  return Object.keys(metrics).length > 0 ? metrics : undefined
}

function tokensOf(namespace: Namespace): ClientRequestTokens {
  let tokens = tokensByNamespace.get(namespace)
  if (!tokens) {
    tokens = new ClientRequestTokens()
    tokensByNamespace.set(namespace, tokens)
  }
  return tokens
}
