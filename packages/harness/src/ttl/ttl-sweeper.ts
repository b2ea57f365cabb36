import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  paginateScan,
} from '@aws-sdk/client-dynamodb'
import type { TtlRegistry } from './ttl-registry.js'

/** Which tables a sweep covers. */
export interface SweepOptions {
  /** Sweep only this table, so one test file's sweep leaves other files' tables alone. */
  tableName?: string
}

/** What one sweep deleted. */
export interface SweepResult {
  /** Items deleted, over all tables. */
  deleted: number
}

// DynamoDB ignores TTL values more than five years in the past (they are likely not seconds).
const fiveYearsInSeconds = 5 * 365 * 24 * 60 * 60
const concurrentDeletes = 16

/**
 * Deletes every item whose TTL attribute is a Number of epoch seconds at or before
 * `now - lagMs`, and not more than five years before `now`, in every table with TTL enabled.
 * With `onlyTable`, only that table is swept. Each delete is conditional on the item still being expired, so an item rewritten with a new
 * expiry during the sweep survives.
 */
export async function sweepExpiredItems(
  client: DynamoDBClient,
  registry: TtlRegistry,
  nowMs: number,
  lagMs: number,
  onlyTable?: string,
): Promise<SweepResult> {
  let deleted = 0
  for (const [tableName, attributeName] of registry.entries()) {
    if (onlyTable !== undefined && tableName !== onlyTable) continue
    deleted += await sweepTable(client, tableName, attributeName, nowMs, lagMs)
  }
  return { deleted }
}

async function sweepTable(
  client: DynamoDBClient,
  tableName: string,
  attributeName: string,
  nowMs: number,
  lagMs: number,
): Promise<number> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }))
  const keyNames = (Table?.KeySchema ?? []).map((key) => key.AttributeName as string)
  const threshold = { N: String((nowMs - lagMs) / 1000) }
  const oldest = { N: String(nowMs / 1000 - fiveYearsInSeconds) }
  const names = Object.fromEntries(keyNames.map((name, index) => [`#k${index}`, name]))

  const expiredKeys: Array<Record<string, AttributeValue>> = []
  const pages = paginateScan(
    { client },
    {
      TableName: tableName,
      // A comparison with a Number is false for any other type: Strings are never deleted.
      FilterExpression: '#ttl <= :threshold AND #ttl >= :oldest',
      ProjectionExpression: Object.keys(names).join(', '),
      ExpressionAttributeNames: { '#ttl': attributeName, ...names },
      ExpressionAttributeValues: { ':threshold': threshold, ':oldest': oldest },
    },
  )
  for await (const page of pages) expiredKeys.push(...(page.Items ?? []))

  let deleted = 0
  const deleteOne = async (key: Record<string, AttributeValue>) => {
    try {
      await client.send(
        new DeleteItemCommand({
          TableName: tableName,
          Key: key,
          ConditionExpression: '#ttl <= :threshold',
          ExpressionAttributeNames: { '#ttl': attributeName },
          ExpressionAttributeValues: { ':threshold': threshold },
        }),
      )
      deleted += 1
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error
    }
  }
  let next = 0
  const worker = async () => {
    while (next < expiredKeys.length) {
      const key = expiredKeys[next++] as Record<string, AttributeValue>
      await deleteOne(key)
    }
  }
  await Promise.all(Array.from({ length: concurrentDeletes }, worker))
  return deleted
}
