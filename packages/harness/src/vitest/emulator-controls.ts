import { type AdminClient, adminClient } from '../admin/admin-client.js'
import type { SweepOptions, SweepResult } from '../ttl/ttl-sweeper.js'
import { authDynamoContext } from './inject-context.js'

/**
 * The emulator's clock, moved from inside a test. It is the clock TTL expiry is measured on,
 * shared by every test file of the run; the code under test keeps its own `Date.now()`.
 */
export interface EmulatorClockControl {
  /** The emulator's current time. */
  now(): Promise<Date>
  /**
   * Moves the clock forward.
   * @param ms - milliseconds to add, >= 0
   * @returns the new time
   * @throws {@link EmulatorError} `ADMIN_REQUEST_FAILED` for a negative or non-finite value
   */
  advance(ms: number): Promise<Date>
  /**
   * Moves the clock to a given time, also backwards.
   * @param date - a Date, an ISO 8601 string or epoch milliseconds
   * @returns the new time
   * @throws {@link EmulatorError} `ADMIN_REQUEST_FAILED` for a value that is not a date
   */
  set(date: Date | string | number): Promise<Date>
}

/**
 * The typed admin client of the emulator the vitest globalSetup started (health, clock, sweep,
 * reset, tables and their items).
 *
 * @throws {@link EmulatorError} `INVALID_STATE` outside a run with the globalSetup
 */
export function emulatorAdmin(): AdminClient {
  return adminClient(authDynamoContext().adminUrl)
}

/**
 * Controls the emulator's clock from a test: `await emulatorClock().advance(31 * 86_400_000)`.
 *
 * @throws {@link EmulatorError} `INVALID_STATE` outside a run with the globalSetup
 */
export function emulatorClock(): EmulatorClockControl {
  const admin = emulatorAdmin()
  return {
    now: async () => new Date((await admin.clock()).epochMs),
    advance: async (ms) => new Date((await admin.advanceClock(ms)).epochMs),
    set: async (date) => new Date((await admin.setClock(date)).epochMs),
  }
}

/**
 * Deletes, now, the items whose TTL attribute is at or before the emulator clock's time, in
 * every table with TTL enabled, or only in `options.tableName` (which leaves other test files'
 * tables alone). The globalSetup's default TTL mode is manual, so expired items stay until a
 * test calls this.
 *
 * @returns how many items were deleted
 * @throws {@link EmulatorError} `INVALID_STATE` outside a run with the globalSetup,
 *   `ADMIN_REQUEST_FAILED` for an unknown table
 */
export function sweepExpiredItems(options: SweepOptions = {}): Promise<SweepResult> {
  return emulatorAdmin().sweep(options)
}
