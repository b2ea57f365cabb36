import type { SnapshotInfo } from './snapshot-types.js'

/** Which tables a snapshot or truncate covers. */
export interface TableScope {
  /** One table; every table of the namespace when absent. */
  tableName?: string
}

/** Snapshots and truncate through the admin API (`/_emulator/snapshots`, `/_emulator/truncate`). */
export interface SnapshotsAdminClient {
  /** Takes a snapshot of one table or the whole namespace, kept by the emulator. */
  take(options?: TableScope): Promise<SnapshotInfo>
  /** Puts the namespace (or the snapshot's table) back as the snapshot holds it. */
  restore(snapshot: SnapshotInfo | string): Promise<void>
  list(): Promise<SnapshotInfo[]>
  /** @throws {@link EmulatorError} `ADMIN_REQUEST_FAILED` when there is no snapshot of that id */
  delete(snapshot: SnapshotInfo | string): Promise<void>
}
