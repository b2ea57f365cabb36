import type { SweepOptions, SweepResult } from '../ttl/ttl-sweeper.js'
import { fileNamespace, type JestClockControl } from './file-namespace.js'

/**
 * This test file's clock: `await emulatorClock().advance(31 * 86_400_000)`. Only this file's
 * items expire by it.
 */
export function emulatorClock(): JestClockControl {
  const clock = async () => (await fileNamespace()).clock
  return {
    now: async () => (await clock()).now(),
    advance: async (ms) => (await clock()).advance(ms),
    set: async (date) => (await clock()).set(date),
    reset: async () => (await clock()).reset(),
  }
}

/**
 * Deletes, now, the expired items of this test file's namespace (every TTL table, or
 * `options.tableName`). The globalSetup's TTL mode is manual: expired items stay until a sweep.
 */
export async function sweepExpiredItems(options: SweepOptions = {}): Promise<SweepResult> {
  return (await fileNamespace()).sweep(options)
}
