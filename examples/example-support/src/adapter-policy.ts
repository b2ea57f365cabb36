/** The DynamoDB actions of the adapter's narrowest IAM policy, as its README documents it. */
export const adapterPolicyActions: readonly string[] = [
  'BatchWriteItem',
  'DeleteItem',
  'GetItem',
  'PutItem',
  'Query',
  'UpdateItem',
]

// IAM authorizes a transaction by its parts, which the emulator's operation log counts under
// their own actions beside the transaction
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html).
const authorizedByParts = new Set(['TransactWriteItems', 'TransactGetItems'])

/**
 * The operations in `sent` (names from the emulator's operation log) that the adapter's policy
 * does not allow; empty when the app stayed inside it.
 */
export function outsideAdapterPolicy(sent: readonly string[]): string[] {
  return sent.filter(
    (action) => !adapterPolicyActions.includes(action) && !authorizedByParts.has(action),
  )
}
