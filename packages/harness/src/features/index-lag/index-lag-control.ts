import type { IndexLagStatus } from './index-lag-types.js'

/**
 * A namespace's index lag, in-process (`emulator.namespace(id).indexLag`): how long a write
 * takes to show in Query and Scan on global secondary indexes, per table. Measured in real
 * milliseconds, not on the namespace's clock.
 *
 * @example
 * ```ts
 * await namespace.indexLag.set(200, { tableName: 'next-auth' })
 * ```
 */
export interface IndexLagControl {
  /**
   * Sets the lag of one table, or of every table (without `tableName`). Writes already waiting
   * keep their time; a lag of 0 shows them at once.
   * @param lagMs - 0 to 600,000
   * @throws {@link EmulatorError} `INVALID_OPTIONS` for a lag out of range
   */
  set(lagMs: number, options?: { tableName?: string }): Promise<void>
  /** The lag settings and how many index writes wait to show. */
  status(): IndexLagStatus
  /**
   * Shows every waiting index write now (of one table, or all).
   * @returns how many writes were applied
   */
  flush(options?: { tableName?: string }): Promise<number>
}

/** The same, through the admin API (`/_emulator/index-lag`, `/_emulator/namespaces/<id>/index-lag`). */
export interface IndexLagAdminClient {
  set(lagMs: number, options?: { tableName?: string }): Promise<IndexLagStatus>
  status(): Promise<IndexLagStatus>
  flush(options?: { tableName?: string }): Promise<{ applied: number }>
}
