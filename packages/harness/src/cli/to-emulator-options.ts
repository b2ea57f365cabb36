import type { EmulatorOptions } from '../options/emulator-options.js'
import { authjsTable } from '../tables/authjs-table.js'
import type { CliSettings } from './settings.js'

/**
 * Maps the CLI's settings (and the vitest globalSetup's, which are a subset) to {@link EmulatorOptions}: the Auth.js table under the chosen name,
 * and only the TTL fields that were given, so the emulator's own defaults apply to the rest.
 *
 * @param settings - the parsed settings
 */
export function toEmulatorOptions(settings: CliSettings): EmulatorOptions {
  return {
    port: settings.port,
    host: settings.host,
    tables: [authjsTable({ tableName: settings.tableName })],
    clock: settings.clock,
    ttl: {
      mode: settings.ttlMode,
      ...(settings.sweepIntervalMs !== undefined && { intervalMs: settings.sweepIntervalMs }),
      ...(settings.lagMs !== undefined && { lagMs: settings.lagMs }),
    },
    ...(settings.persist !== undefined && { persist: settings.persist }),
    ...(settings.adminToken !== undefined && { adminToken: settings.adminToken }),
    ...(settings.allowedHosts.length > 0 && { allowedHosts: settings.allowedHosts }),
    ...(settings.seed.length > 0 && { seed: settings.seed }),
  }
}
