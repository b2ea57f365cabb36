import { errorTypeOf } from '../engine/engine-response.js'
import { EmulatorError } from '../errors/emulator-error.js'
import type { RunOperation } from '../namespaces/namespace.js'
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

/**
 * Deletes every item whose TTL attribute is a Number of epoch seconds at or before
 * `now - lagMs`, and not more than five years before `now`, in every table with TTL enabled
 * (or only `onlyTable`). Each delete is conditional on the item still being expired, so an item
 * rewritten with a new expiry during the sweep survives.
 */
export async function sweepExpiredItems(
  run: RunOperation,
  registry: TtlRegistry,
  nowMs: number,
  lagMs: number,
  onlyTable?: string,
): Promise<SweepResult> {
  let deleted = 0
  for (const [tableName, attributeName] of registry.entries()) {
    if (onlyTable !== undefined && tableName !== onlyTable) continue
    deleted += await sweepTable(run, tableName, attributeName, nowMs, lagMs)
  }
  return { deleted }
}

async function sweepTable(
  run: RunOperation,
  tableName: string,
  attributeName: string,
  nowMs: number,
  lagMs: number,
): Promise<number> {
  const described = await run('DescribeTable', { TableName: tableName })
  if (described.statusCode !== 200) return 0
  const table = described.body.Table as { KeySchema: Array<{ AttributeName: string }> }
  const keyNames = table.KeySchema.map((key) => key.AttributeName)
  const threshold = { N: String((nowMs - lagMs) / 1000) }
  const oldest = { N: String(nowMs / 1000 - fiveYearsInSeconds) }
  const names = Object.fromEntries(keyNames.map((name, index) => [`#k${index}`, name]))

  const expiredKeys: Array<Record<string, unknown>> = []
  let start: Record<string, unknown> | undefined
  do {
    const page = await run('Scan', {
      TableName: tableName,
      // A comparison with a Number is false for any other type: Strings are never deleted.
      FilterExpression: '#ttl <= :threshold AND #ttl >= :oldest',
      ProjectionExpression: Object.keys(names).join(', '),
      ExpressionAttributeNames: { '#ttl': attributeName, ...names },
      ExpressionAttributeValues: { ':threshold': threshold, ':oldest': oldest },
      ...(start ? { ExclusiveStartKey: start } : {}),
    })
    if (page.statusCode !== 200) {
      throw new EmulatorError(
        'TABLE_NOT_FOUND',
        `Could not sweep ${tableName}: ${String(page.body.message)}`,
      )
    }
    expiredKeys.push(...((page.body.Items ?? []) as Array<Record<string, unknown>>))
    start = page.body.LastEvaluatedKey as Record<string, unknown> | undefined
  } while (start)

  let deleted = 0
  for (const key of expiredKeys) {
    const response = await run('DeleteItem', {
      TableName: tableName,
      Key: key,
      ConditionExpression: '#ttl <= :threshold',
      ExpressionAttributeNames: { '#ttl': attributeName },
      ExpressionAttributeValues: { ':threshold': threshold },
    })
    if (response.statusCode === 200) deleted++
    else if (errorTypeOf(response) !== 'ConditionalCheckFailedException') {
      throw new EmulatorError(
        'TABLE_NOT_FOUND',
        `Could not sweep ${tableName}: ${String(response.body.message)}`,
      )
    }
  }
  return deleted
}
