/**
 * Makes time pass for the backend, for the `expiryDeletion` tests. After `advance(ms)` resolves,
 * every session and verification token whose `expires` is no later than the backend's new now
 * (its previous now plus `ms`) must be gone from storage. A DynamoDB backend advances its
 * emulator clock and sweeps the TTL; an in-memory one moves its storage clock and drops what
 * expired. The adapter's own notion of now (`Date.now()`) is not touched.
 */
export interface ConformanceClock {
  /**
   * Moves the backend's clock forward and lets its expiry run to completion.
   *
   * @param ms - how far to move, in milliseconds
   */
  advance(ms: number): Promise<void> | void
}
