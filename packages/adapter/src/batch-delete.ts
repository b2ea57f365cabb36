import type { DocumentPort } from './client/document-port.js'
import { DynamoDBAdapterError } from './errors.js'
import type { ItemKey } from './table-layout.js'

/** BatchWriteItem accepts at most 25 requests per call. */
export const BATCH_WRITE_LIMIT = 25

/** How hard {@link batchDelete} retries `UnprocessedItems`. */
export interface RetryPolicy {
  /** Requests per chunk, the first included, before giving up. */
  maxAttempts: number
  /** Upper bound of the first backoff; doubled on each retry. */
  baseDelayMs: number
  /** Cap of any single backoff. */
  maxDelayMs: number
  /** Waits between attempts (replaceable so the loop can be tested without waiting). */
  sleep: (ms: number) => Promise<void>
  /** A number in [0, 1) for jitter. */
  random: () => number
}

/**
 * Defaults: 8 attempts, "full jitter" backoff from 50 ms doubling up to 2 s, so a chunk gives up
 * after at most about 6 s of waiting.
 */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 50,
  maxDelayMs: 2_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
}

/** Who is deleting, for the error. */
export interface BatchDeleteContext {
  method: string
  tableName: string
}

const LISTED_KEYS = 10

function listKeys(keys: readonly ItemKey[]): string {
  const listed = keys.slice(0, LISTED_KEYS).map((key) => JSON.stringify(key))
  if (keys.length > LISTED_KEYS)
    listed.push(`and ${keys.length - LISTED_KEYS} more (see error.unprocessedKeys)`)
  return listed.join(', ')
}

function deleteRequests(keys: readonly ItemKey[]) {
  return keys.map((Key) => ({ DeleteRequest: { Key } }))
}

/**
 * Deletes keys in the order given, in chunks of 25, one chunk at a time, resending
 * `UnprocessedItems` with exponential backoff and jitter (the retry AWS documents for
 * BatchWriteItem).
 *
 * @throws {@link DynamoDBAdapterError} with code `UNPROCESSED_ITEMS` when a chunk still has
 * unprocessed items after `maxAttempts`; its `unprocessedKeys` lists every key not deleted (the
 * rest of that chunk and all later chunks), so nothing is lost silently.
 */
export async function batchDelete(
  port: Pick<DocumentPort, 'batchWrite'>,
  context: BatchDeleteContext,
  keys: readonly ItemKey[],
  policy: RetryPolicy = defaultRetryPolicy,
): Promise<void> {
  const { tableName } = context
  for (let start = 0; start < keys.length; start += BATCH_WRITE_LIMIT) {
    let pending = deleteRequests(keys.slice(start, start + BATCH_WRITE_LIMIT))
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > 1) {
        const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 2))
        await policy.sleep(Math.floor(policy.random() * ceiling))
      }
      const result = await port.batchWrite({ RequestItems: { [tableName]: pending } })
      const unprocessed = result.UnprocessedItems?.[tableName] ?? []
      pending = unprocessed.flatMap((request) =>
        request.DeleteRequest?.Key
          ? [{ DeleteRequest: { Key: request.DeleteRequest.Key as ItemKey } }]
          : [],
      )
      if (pending.length > 0 && attempt >= policy.maxAttempts) {
        const remaining = [
          ...pending.map((request) => request.DeleteRequest.Key),
          ...keys.slice(start + BATCH_WRITE_LIMIT),
        ]
        throw new DynamoDBAdapterError({
          code: 'UNPROCESSED_ITEMS',
          method: context.method,
          tableName,
          unprocessedKeys: remaining,
          message: `DynamoDB left ${pending.length} item(s) unprocessed after ${attempt} BatchWriteItem attempts (usually throttling); ${remaining.length} item(s) were not deleted and are still in the table: ${listKeys(remaining)}. Calling the method again resumes the deletion.`,
        })
      }
    }
  }
}
