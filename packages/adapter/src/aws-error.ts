/**
 * The DynamoDB error name of a thrown value: `name` on AWS SDK v3 service exceptions, `code` on
 * aws-sdk v2 errors; `undefined` for anything that is not an AWS error.
 */
export function awsErrorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { code, name } = error as { code?: unknown; name?: unknown }
  if (typeof code === 'string' && code.endsWith('Exception')) return code
  return typeof name === 'string' ? name : undefined
}

/** Whether DynamoDB rejected a write because its `ConditionExpression` did not hold. */
export function isConditionalCheckFailed(error: unknown): boolean {
  return awsErrorName(error) === 'ConditionalCheckFailedException'
}
