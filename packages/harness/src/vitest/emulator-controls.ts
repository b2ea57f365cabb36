import type { NamespaceAdminClient } from '../admin/admin-client.js'
import type { SweepOptions, SweepResult } from '../ttl/ttl-sweeper.js'
import { type EmulatorClockControl, fileNamespace } from './file-namespace.js'

/**
 * The admin API of this test file's namespace (clock, sweep, reset, tables and their items,
 * operation counts); what it does is never seen by other files.
 *
 * @throws {@link EmulatorError} `INVALID_STATE` outside a run with the globalSetup (from each method)
 */
export function emulatorAdmin(): NamespaceAdminClient {
  const admin = async () => (await fileNamespace()).admin
  return {
    clock: async () => (await admin()).clock(),
    advanceClock: async (ms) => (await admin()).advanceClock(ms),
    setClock: async (date) => (await admin()).setClock(date),
    resetClock: async () => (await admin()).resetClock(),
    sweep: async (options) => (await admin()).sweep(options),
    reset: async () => (await admin()).reset(),
    listTables: async () => (await admin()).listTables(),
    createAuthjsTable: async (options) => (await admin()).createAuthjsTable(options),
    createTable: async (definition) => (await admin()).createTable(definition),
    deleteTable: async (tableName) => (await admin()).deleteTable(tableName),
    items: async (tableName, format) => (await admin()).items(tableName, format),
    operations: async (options) => (await admin()).operations(options),
    // peers (issue 11)
    faults: {
      add: async (rule) => (await admin()).faults.add(rule),
      list: async () => (await admin()).faults.list(),
      remove: async (id) => (await admin()).faults.remove(id),
      clear: async () => (await admin()).faults.clear(),
    },
    indexLag: {
      set: async (lagMs, options) => (await admin()).indexLag.set(lagMs, options),
      status: async () => (await admin()).indexLag.status(),
      flush: async (options) => (await admin()).indexLag.flush(options),
    },
    snapshots: {
      take: async (options) => (await admin()).snapshots.take(options),
      restore: async (snapshot) => (await admin()).snapshots.restore(snapshot),
      list: async () => (await admin()).snapshots.list(),
      delete: async (snapshot) => (await admin()).snapshots.delete(snapshot),
    },
    truncate: async (options) => (await admin()).truncate(options),
    seed: async (items) => (await admin()).seed(items),
  }
}

/**
 * This test file's clock: `await emulatorClock().advance(31 * 86_400_000)`. Only this file's
 * items expire by it.
 *
 * @throws {@link EmulatorError} `INVALID_STATE` outside a run with the globalSetup
 */
export function emulatorClock(): EmulatorClockControl {
  const clock = async () => (await fileNamespace()).clock
  return {
    now: async () => (await clock()).now(),
    advance: async (ms) => (await clock()).advance(ms),
    set: async (date) => (await clock()).set(date),
    reset: async () => (await clock()).reset(),
  }
}

/**
 * Deletes, now, the items of this test file's namespace whose TTL attribute is at or before
 * its clock's time, in every table with TTL enabled, or only in `options.tableName`. The
 * globalSetup's default TTL mode is manual, so expired items stay until a test calls this.
 *
 * @returns how many items were deleted
 * @throws {@link EmulatorError} `INVALID_STATE` outside a run with the globalSetup,
 *   `ADMIN_REQUEST_FAILED` for an unknown table
 */
export async function sweepExpiredItems(options: SweepOptions = {}): Promise<SweepResult> {
  return (await fileNamespace()).sweep(options)
}
