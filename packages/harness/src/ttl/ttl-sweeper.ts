import type { DynaliteStoreState, StoredItem } from '../engine/dynalite-internals.js'
import { errorTypeOf } from '../engine/engine-response.js'
import { EmulatorError } from '../errors/emulator-error.js'
import type { RunOperation } from '../namespaces/namespace.js'
import type { ExpiryIndex } from './expiry-index.js'
import type { TtlRegistry } from './ttl-registry.js'

/** Which tables a sweep covers. */
export interface SweepOptions {
  /** Sweep only this table, so one test file's sweep leaves other tables alone. */
  tableName?: string
}

/** What one sweep deleted. */
export interface SweepResult {
  /** Items deleted, over all tables swept. */
  deleted: number
}

// DynamoDB ignores TTL values more than five years in the past (they are likely not seconds).
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-before-you-start.html
const fiveYearsInSeconds = 5 * 365 * 24 * 60 * 60

/** The TTL values a sweep at `nowMs` deletes: `[oldestSeconds, thresholdSeconds]`. */
export function sweepBounds(
  nowMs: number,
  lagMs: number,
): { thresholdSeconds: number; oldestSeconds: number } {
  return {
    thresholdSeconds: (nowMs - lagMs) / 1000,
    oldestSeconds: nowMs / 1000 - fiveYearsInSeconds,
  }
}

/**
 * Deletes every item whose TTL attribute is a Number of epoch seconds at or before
 * `now - lagMs`, and not more than five years before `now`, in every table with TTL enabled
 * (or only `onlyTable`). The expiry index names the candidates, so a sweep reads only what
 * expires; each delete is conditional on the item still being expired (compared exactly, as
 * DynamoDB Numbers), so an item rewritten with a new expiry during the sweep survives.
 */
export async function sweepExpiredItems(
  run: RunOperation,
  registry: TtlRegistry,
  index: ExpiryIndex,
  store: DynaliteStoreState,
  nowMs: number,
  lagMs: number,
  onlyTable?: string,
): Promise<SweepResult> {
  let deleted = 0
  for (const [tableName, attributeName] of registry.entries()) {
    if (onlyTable !== undefined && tableName !== onlyTable) continue
    deleted += await sweepTable(run, index, store, tableName, attributeName, nowMs, lagMs)
  }
  return { deleted }
}

async function sweepTable(
  run: RunOperation,
  index: ExpiryIndex,
  store: DynaliteStoreState,
  tableName: string,
  attributeName: string,
  nowMs: number,
  lagMs: number,
): Promise<number> {
  const { thresholdSeconds, oldestSeconds } = sweepBounds(nowMs, lagMs)
  const keys = await index.expiredKeys(tableName, thresholdSeconds, oldestSeconds)
  if (keys.length === 0) return 0
  const described = await run('DescribeTable', { TableName: tableName })
  if (described.statusCode !== 200) return 0
  const table = described.body.Table as { KeySchema: Array<{ AttributeName: string }> }
  const keyNames = table.KeySchema.map((key) => key.AttributeName)
  const threshold = { N: String(thresholdSeconds) }
  const oldest = { N: String(oldestSeconds) }
  const itemDb = store.getItemDb(tableName)

  let deleted = 0
  for (const key of keys) {
    const item = await new Promise<StoredItem | undefined>((resolve, reject) =>
      itemDb.get(key, (error, found) => {
        if (
          error?.name === 'NotFoundError' ||
          (error as { code?: string } | null)?.code === 'LEVEL_NOT_FOUND'
        )
          resolve(undefined)
        else if (error) reject(error)
        else resolve(found as StoredItem | undefined)
      }),
    )
    // Deleted since the index was read.
    if (!item) continue
    const response = await run('DeleteItem', {
      TableName: tableName,
      Key: Object.fromEntries(keyNames.map((name) => [name, item[name]])),
      ConditionExpression: '#ttl <= :threshold AND #ttl >= :oldest',
      ExpressionAttributeNames: { '#ttl': attributeName },
      ExpressionAttributeValues: { ':threshold': threshold, ':oldest': oldest },
    })
    if (response.statusCode === 200) deleted++
    else if (errorTypeOf(response) === 'ResourceNotFoundException') return deleted
    else if (errorTypeOf(response) !== 'ConditionalCheckFailedException') {
      throw new EmulatorError(
        'TABLE_NOT_FOUND',
        `Could not sweep ${tableName}: ${String(response.body.message)}`,
      )
    }
  }
  return deleted
}
