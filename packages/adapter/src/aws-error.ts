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

/**
 * The reason code of each item of a cancelled TransactWriteItems, in request order
 * (`ConditionalCheckFailed`, `TransactionConflict`, `None`...), or `undefined` when `error` is
 * not a TransactionCanceledException. AWS SDK v3 parses them into `CancellationReasons`; aws-sdk
 * v2 does not, so they are read from the message, which lists them in brackets
 * ("Transaction cancelled, please refer cancellation reasons for specific reasons
 * [ConditionalCheckFailed, None]", the wording of both DynamoDB and DynamoDB Local):
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
 */
export function cancellationReasons(error: unknown): string[] | undefined {
  if (awsErrorName(error) !== 'TransactionCanceledException') return undefined
  const { CancellationReasons, message } = error as {
    CancellationReasons?: { Code?: string }[]
    message?: unknown
  }
  if (Array.isArray(CancellationReasons)) {
    return CancellationReasons.map((reason) => reason?.Code ?? 'None')
  }
  const listed = typeof message === 'string' ? /\[([^\]]*)\]\s*$/.exec(message)?.[1] : undefined
  return listed === undefined ? [] : listed.split(',').map((code) => code.trim())
}

/**
 * Whether the SDK sent the request more than once (its own retries after a network error or a
 * 5xx), so that a condition failure may come from this very call's earlier attempt, whose
 * response was lost. `true` when the SDK does not say (better one extra read than a wrong answer).
 */
export function mayHaveRetried(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return true
  const { $metadata, retryCount } = error as {
    $metadata?: { attempts?: unknown }
    retryCount?: unknown
  }
  if (typeof $metadata?.attempts === 'number') return $metadata.attempts > 1
  if (typeof retryCount === 'number') return retryCount > 0
  return true
}
