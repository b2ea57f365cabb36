import type { ClockMode } from '../clock/emulator-clock.js'
import type { EmulatorState } from '../emulator/lifecycle.js'
import type { TtlOptions } from '../options/emulator-options.js'

/** The emulator's clock, as the admin API reports it. */
export interface ClockStatus {
  mode: ClockMode
  /** ISO 8601. */
  now: string
  epochMs: number
}

/** `GET /_emulator/health`. */
export interface HealthStatus {
  status: 'ok'
  state: EmulatorState
  endpoint: string
  region: string
  tables: string[]
  clock: ClockStatus
  ttl: Required<TtlOptions>
  /** The last background sweep's failure, if the most recent one failed. */
  lastSweepError: string | null
}

/** `GET /_emulator/tables/:name/items`. */
export interface TableItems {
  tableName: string
  count: number
  /** Plain JSON values (numbers as numbers, sets as arrays, binary as base64), or DynamoDB JSON with `?format=dynamodb`. */
  items: Array<Record<string, unknown>>
}

/** The body of an admin API error. */
export interface AdminErrorBody {
  error: { code: string; message: string }
}
