import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb'
import { awsErrorName, cancellationReasons } from '../aws-error.js'
import type { RetryPolicy } from '../batch-delete.js'
import type { DocumentPort } from '../client/document-port.js'

/** One Put, Update or Delete of a TransactWriteItems request. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number]

/** What became of a transaction whose conditions may fail. */
export type TransactOutcome =
  | { readonly written: true }
  | {
      readonly written: false
      /** The reason code of each item, in request order (`ConditionalCheckFailed`, `None`...). */
      readonly reasons: readonly string[]
      /** The TransactionCanceledException, for `cause`. */
      readonly error: unknown
    }

// Cancellations that say nothing about the data: another transaction held an item, or the table
// was throttled. The same request can simply be sent again.
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
const transientReasons = new Set([
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
])

/**
 * Sends one TransactWriteItems. A cancellation because a condition failed is returned (the caller
 * decides what it means); a cancellation for a transient reason (a conflicting transaction,
 * throttling) or a TransactionInProgressException is sent again with backoff and jitter, at most
 * `policy.maxAttempts` times. Transactions use only Put, Update and Delete parts, which IAM
 * authorizes as PutItem, UpdateItem and DeleteItem.
 *
 * @throws anything else DynamoDB or the network throws, and a transient cancellation that
 *   outlasts the retries.
 */
export async function transactWrite(
  port: DocumentPort,
  items: readonly TransactItem[],
  policy: RetryPolicy,
): Promise<TransactOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      await port.transactWrite({ TransactItems: [...items] })
      return { written: true }
    } catch (error) {
      const reasons = cancellationReasons(error)
      if (reasons?.includes('ConditionalCheckFailed')) return { written: false, reasons, error }
      const transient =
        reasons !== undefined
          ? reasons.some((reason) => transientReasons.has(reason))
          : awsErrorName(error) === 'TransactionInProgressException'
      if (!transient || attempt >= policy.maxAttempts) throw error
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
      await policy.sleep(Math.floor(policy.random() * ceiling))
    }
  }
}
