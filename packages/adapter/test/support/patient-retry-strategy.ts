/** The retry token of the SDK's RetryStrategyV2 (`@smithy/types`), structurally. */
interface RetryToken {
  getRetryCount(): number
  getRetryDelay(): number
}

/**
 * A retry strategy for tests that lose responses on purpose: up to `maxAttempts` attempts for
 * network errors, 5xx and throttling, a few milliseconds apart, and no retry quota. The SDK's
 * standard strategy spends a shared quota on every retry (5 tokens, 10 after a timeout or a
 * reset, 1 back per success), so at a sustained 20 % loss it runs dry after some hundreds of
 * requests and stops retrying at all; that would measure the quota, not the adapter.
 */
export function patientRetryStrategy(maxAttempts = 10) {
  const token = (retries: number): RetryToken => ({
    getRetryCount: () => retries,
    // The SDK's retry middleware waits this long before the next attempt.
    getRetryDelay: () => (retries === 0 ? 0 : 2 + retries * 3),
  })
  return {
    mode: 'standard',
    acquireInitialRetryToken: async (_scope: string) => token(0),
    refreshRetryTokenForRetry: async (previous: RetryToken, error: { errorType: string }) => {
      const retries = previous.getRetryCount() + 1
      if (error.errorType === 'CLIENT_ERROR' || retries >= maxAttempts) {
        throw new Error('no more retries')
      }
      return token(retries)
    },
    recordSuccess: (_token: RetryToken) => {},
  }
}
