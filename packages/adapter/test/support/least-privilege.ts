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

/** `Describe*` and `List*` are in the policy as wildcards. */
export function isAllowedAction(operation: string): boolean {
  return (
    leastPrivilegeActions.has(operation) ||
    operation.startsWith('Describe') ||
    operation.startsWith('List')
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
