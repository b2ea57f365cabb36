import type { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'

/**
 * The DynamoDB actions of the least-privilege IAM policy documented in the README. Every
 * operation the adapter test run sends must be one of these.
 */
export const leastPrivilegeActions: ReadonlySet<string> = new Set([
  'BatchGetItem',
  'BatchWriteItem',
  'PutItem',
  'DeleteItem',
  'GetItem',
  'Scan',
  'Query',
  'UpdateItem',
])

/**
 * Operations IAM does not authorize by their own name but by their parts: a TransactWriteItems
 * needs PutItem, UpdateItem, DeleteItem or ConditionCheckItem for each Put, Update, Delete or
 * ConditionCheck it holds, a TransactGetItems GetItem for each Get
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html).
 * The emulator's operation log records a transaction as its own name plus one entry per part
 * (`TransactWriteItems` and `PutItem` for each Put), and so does {@link iamActionsOf}: the parts
 * are checked against the policy like any other action.
 */
export const authorizedByParts: ReadonlySet<string> = new Set([
  'TransactWriteItems',
  'TransactGetItems',
])

/** The IAM action each part of a transaction needs. */
export const transactionPartActions: Readonly<Record<string, string>> = {
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  ConditionCheck: 'ConditionCheckItem',
  Get: 'GetItem',
}

/** `Describe*` and `List*` are in the policy as wildcards; transactions count by their parts. */
export function isAllowedAction(operation: string): boolean {
  return (
    leastPrivilegeActions.has(operation) ||
    authorizedByParts.has(operation) ||
    operation.startsWith('Describe') ||
    operation.startsWith('List')
  )
}

/**
 * The operation a command sends and, for a transaction, the action of each part: what IAM
 * checks. `operation` is the SDK command name without `Command` (`PutItem`, `TransactWriteItems`).
 */
export function iamActionsOf(operation: string, input: unknown): string[] {
  const actions = [operation]
  if (authorizedByParts.has(operation)) {
    const { TransactItems } = (input ?? {}) as { TransactItems?: Record<string, unknown>[] }
    for (const item of TransactItems ?? []) {
      for (const part of Object.keys(item)) actions.push(transactionPartActions[part] ?? part)
    }
  }
  return actions
}

/**
 * Every IAM action the recorded clients of this test file sent (see
 * {@link recordSdkOperations}); the setup file checks them after the file. It covers what the
 * emulator's operation log cannot: requests to DynamoDB Local.
 */
export const sdkOperations = new Set<string>()

/** Records every action `client` sends into {@link sdkOperations}, through an SDK middleware. */
export function recordSdkOperations(client: Pick<DynamoDBDocument, 'middlewareStack'>): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? 'Unknown').replace(/Command$/, '')
      for (const action of iamActionsOf(operation, args.input)) sdkOperations.add(action)
      return next(args)
    },
    { step: 'initialize', name: 'leastPrivilegeRecorder' },
  )
}

/**
 * Credentials for tests that create tables, as an administrator would: the one principal whose
 * operations the run-wide least-privilege check leaves out.
 */
export const tableAdministratorCredentials = {
  accessKeyId: 'table-administrator',
  secretAccessKey: 'table-administrator',
}
