import type { ClockMode } from '../clock/emulator-clock.js'
import type { OperationCounts, OperationLogDropped } from '../dispatch/operation-log.js'
import type { EmulatorState } from '../emulator/lifecycle.js'
import type { TtlOptions } from '../options/emulator-options.js'
import type { TableItems } from '../tables/table-items.js'

export type { TableItems }

/** A namespace's clock, as the admin API reports it. */
export interface ClockStatus {
  mode: ClockMode
  /** ISO 8601. */
  now: string
  epochMs: number
  /** How far the clock is ahead of the machine's time, in ms (negative: behind); 0 after a reset. */
  offsetMs: number
}

/** `GET /_emulator/health`. */
export interface HealthStatus {
  status: 'ok'
  state: EmulatorState
  endpoint: string
  region: string
  /** The default namespace's tables. */
  tables: string[]
  /** The default namespace's clock. */
  clock: ClockStatus
  ttl: Required<TtlOptions>
  /** How many test-file namespaces exist besides the default one. */
  namespaces: number
  /** The last background sweep's failure, if the most recent one failed. */
  lastSweepError: string | null
}

/** Credentials that put a client's requests in one namespace. */
export interface NamespaceCredentials {
  accessKeyId: string
  secretAccessKey: string
}

/** A namespace, as `POST /_emulator/namespaces` and `GET /_emulator/namespaces` report it. */
export interface NamespaceInfo {
  id: string
  /** Sign requests with these to reach the namespace (any secret works). */
  credentials: NamespaceCredentials
  tables: string[]
  clock: ClockStatus
}

/** `GET /_emulator/operations`. */
export interface OperationsReport {
  operations: OperationCounts
  /** What the log's bounds made it drop since start. */
  dropped: OperationLogDropped
}

/** The body of an admin API error. */
export interface AdminErrorBody {
  error: { code: string; message: string }
}
