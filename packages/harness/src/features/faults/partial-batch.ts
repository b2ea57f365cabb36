import {
  type DynaliteActionName,
  type DynaliteStoreState,
  dynaliteDb,
  dynaliteValidations,
  loadAction,
  type StoredTable,
} from '../../engine/dynalite-internals.js'
import { type EngineResponse, errorResponse } from '../../engine/engine-response.js'
import { requestChecks, validatedDataHooks } from '../../engine/request-checks.js'
import type { FiredRule } from './fault-rule-set.js'
import type { RequestTarget } from './request-targets.js'

type Payload = Record<string, unknown>

/** dynalite's own key and item checks, as its batch actions run them. */
const validation = dynaliteDb as unknown as {
  validateItem(item: Payload, table: StoredTable): unknown
  validateKey(key: Payload, table: StoredTable): unknown
}

/** A batch request split in what runs now and what comes back unprocessed. */
export interface SplitBatch {
  /** The request to run: the items that are processed. */
  readonly run: Payload
  /** `UnprocessedItems` (BatchWriteItem) or `UnprocessedKeys` (BatchGetItem) to answer with. */
  readonly unprocessed: Record<string, unknown>
  /** Whether every item of the request is unprocessed. */
  readonly all: boolean
}

/**
 * Whether DynamoDB would accept this batch request as a whole: the same checks the emulator
 * runs before dynalite's action, and the action's own (tables exist, keys fit the schema, no
 * duplicate keys). A partial-batch fault only splits a request that is valid; an invalid one
 * goes through unchanged and gets its error, as it would from DynamoDB.
 */
export async function isValidBatch(
  store: DynaliteStoreState,
  operation: string,
  payload: Payload,
): Promise<boolean> {
  try {
    for (const check of requestChecks) if (check(operation, payload)) return false
    const { validation } = loadAction(operation as DynaliteActionName)
    const data = dynaliteValidations.checkTypes({ ...payload }, validation.types)
    dynaliteValidations.checkValidations(data, validation.types, validation.custom, store)
    for (const hook of validatedDataHooks) if (hook(operation, payload, data)) return false
  } catch {
    return false
  }
  const requestItems = payload.RequestItems as Record<string, unknown>
  for (const [tableName, request] of Object.entries(requestItems)) {
    const table = await getTable(store, tableName)
    if (!table) return false
    const seen = new Set<string>()
    const entries: Array<{ item?: Payload; key?: Payload }> =
      operation === 'BatchGetItem'
        ? ((request as { Keys: Payload[] }).Keys ?? []).map((key) => ({ key }))
        : (
            request as Array<{ PutRequest?: { Item: Payload }; DeleteRequest?: { Key: Payload } }>
          ).map((entry) =>
            entry.PutRequest ? { item: entry.PutRequest.Item } : { key: entry.DeleteRequest?.Key },
          )
    for (const entry of entries) {
      try {
        const values = entry.item ?? entry.key
        if (!values) return false
        const invalid = entry.item
          ? validation.validateItem(values, table)
          : validation.validateKey(values, table)
        if (invalid) return false
        const key = dynaliteDb.createKey(values as never, table)
        if (seen.has(key)) return false
        seen.add(key)
      } catch {
        return false
      }
    }
  }
  return true
}

/**
 * Picks `fraction` (rounded up) of the items that match the rule, at random on the rule's own
 * seeded sequence, and splits the request.
 */
export async function splitBatch(
  operation: string,
  payload: Payload,
  fired: FiredRule,
  fraction: number,
): Promise<SplitBatch> {
  const requestItems = payload.RequestItems as Record<string, unknown>
  const positions: Array<{ table: string; index: number }> = []
  let total = 0
  for (const [table, request] of Object.entries(requestItems)) {
    const entries = entriesOf(operation, request)
    total += entries.length
    for (const [index, entry] of entries.entries()) {
      if (await fired.matchesTarget(targetOf(operation, table, entry))) {
        positions.push({ table, index })
      }
    }
  }
  const count = Math.min(positions.length, Math.ceil(fraction * positions.length))
  // A partial Fisher-Yates shuffle: the first `count` positions become the unprocessed ones.
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(fired.random() * (positions.length - i))
    ;[positions[i], positions[j]] = [
      positions[j] as (typeof positions)[0],
      positions[i] as (typeof positions)[0],
    ]
  }
  const chosen = new Map<string, Set<number>>()
  for (const { table, index } of positions.slice(0, count)) {
    const indexes = chosen.get(table) ?? new Set<number>()
    indexes.add(index)
    chosen.set(table, indexes)
  }

  const runItems: Record<string, unknown> = {}
  const unprocessed: Record<string, unknown> = {}
  for (const [table, request] of Object.entries(requestItems)) {
    const entries = entriesOf(operation, request)
    const left = chosen.get(table) ?? new Set<number>()
    const keep = entries.filter((_, index) => !left.has(index))
    const drop = entries.filter((_, index) => left.has(index))
    if (operation === 'BatchGetItem') {
      const { Keys: _keys, ...rest } = request as Payload
      if (keep.length > 0) runItems[table] = { ...rest, Keys: keep }
      if (drop.length > 0) unprocessed[table] = { ...rest, Keys: drop }
    } else {
      if (keep.length > 0) runItems[table] = keep
      if (drop.length > 0) unprocessed[table] = drop
    }
  }
  return { run: { ...payload, RequestItems: runItems }, unprocessed, all: count === total }
}

/** The answer to a split batch: what the processed part answered, plus the unprocessed part. */
export function withUnprocessed(
  operation: string,
  response: EngineResponse,
  split: SplitBatch,
): EngineResponse {
  if (response.statusCode !== 200) return response
  const field = operation === 'BatchGetItem' ? 'UnprocessedKeys' : 'UnprocessedItems'
  const already = (response.body[field] ?? {}) as Record<string, unknown>
  const merged: Record<string, unknown> = { ...already }
  for (const [table, part] of Object.entries(split.unprocessed)) {
    const existing = merged[table]
    if (!existing) merged[table] = part
    else if (operation === 'BatchGetItem') {
      const keys = [
        ...((existing as { Keys: unknown[] }).Keys ?? []),
        ...(part as { Keys: unknown[] }).Keys,
      ]
      merged[table] = { ...(part as Payload), Keys: keys }
    } else merged[table] = [...(existing as unknown[]), ...(part as unknown[])]
  }
  return { ...response, body: { ...response.body, [field]: merged } }
}

/**
 * What DynamoDB answers when no item of a batch can be processed.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
 */
export function nothingProcessed(ruleId: string): EngineResponse {
  return errorResponse(
    'ProvisionedThroughputExceededException',
    `The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API. (injected by auth-dynamo fault rule ${ruleId}: no item of the batch was processed)`,
  )
}

function entriesOf(operation: string, request: unknown): unknown[] {
  return operation === 'BatchGetItem'
    ? ((request as { Keys?: unknown[] }).Keys ?? [])
    : (request as unknown[])
}

function targetOf(operation: string, table: string, entry: unknown): RequestTarget {
  if (operation === 'BatchGetItem') return { table, key: entry as Payload }
  const write = entry as { PutRequest?: { Item: Payload }; DeleteRequest?: { Key: Payload } }
  return write.PutRequest
    ? { table, item: write.PutRequest.Item }
    : { table, key: write.DeleteRequest?.Key ?? {} }
}

function getTable(store: DynaliteStoreState, tableName: string): Promise<StoredTable | undefined> {
  return new Promise((resolve) => {
    store.getTable(tableName, true, (error, table) => resolve(error ? undefined : table))
  })
}
