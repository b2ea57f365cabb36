import type { EmulatorClock } from '../clock/emulator-clock.js'
// peers (issue 11)
import type { FaultControl } from '../features/faults/fault-control.js'
import type { IndexLagControl } from '../features/index-lag/index-lag-control.js'
import type { SeedOption } from '../seed/seed-data.js'
import type { TableScope } from '../snapshot/snapshot-control.js'
import type { SnapshotInfo } from '../snapshot/snapshot-store.js'
import type { AuthjsTableOptions } from '../tables/authjs-table.js'
import type { TableDefinition } from '../tables/table-definition.js'
import type { ItemFormat, TableItems } from '../tables/table-items.js'
import type { SweepOptions, SweepResult } from '../ttl/ttl-sweeper.js'

/**
 * A namespace of a running emulator: a store of its own, reached by signing requests with
 * {@link EmulatorNamespace.credentials}, with its own clock, sweeps and reset. What one
 * namespace does is never seen in another.
 */
export interface EmulatorNamespace extends AsyncDisposable {
  /** The namespace's id (`default` for the tables created at start). */
  readonly id: string
  /** Credentials whose requests land in this namespace (any secret works). */
  readonly credentials: { accessKeyId: string; secretAccessKey: string }
  /** The clock TTL expiry in this namespace is measured on. */
  readonly clock: EmulatorClock
  /**
   * Deletes expired items now, in every table of the namespace with TTL enabled, or only in
   * `options.tableName`.
   * @throws {@link EmulatorError} `TABLE_NOT_FOUND` for an unknown `tableName`
   */
  sweep(options?: SweepOptions): Promise<SweepResult>
  /** Deletes every table of the namespace and creates its seed tables again, empty. */
  reset(): Promise<void>
  /** Names of the namespace's tables. */
  listTables(): Promise<string[]>
  /**
   * Creates a table, ACTIVE when this resolves.
   * @throws {@link EmulatorError} `TABLE_SETUP_FAILED` when DynamoDB rejects the definition
   */
  createTable(definition: TableDefinition): Promise<{ tableName: string }>
  /**
   * Creates an Auth.js table with a unique name (`options.tableName` is its prefix).
   * @defaultValue prefix `'next-auth'`
   */
  createAuthjsTable(options?: AuthjsTableOptions): Promise<{ tableName: string }>
  /** Deletes a table; a missing table is not an error. */
  deleteTable(tableName: string): Promise<void>
  /**
   * Every item of a table: plain JSON (numbers as numbers, sets as arrays, binary as base64),
   * or DynamoDB attribute values with `format: 'dynamodb'`.
   * @throws {@link EmulatorError} `TABLE_NOT_FOUND` for a missing table
   */
  items(tableName: string, format?: ItemFormat): Promise<TableItems>
  /** Deletes the namespace and everything in it (not allowed for the default namespace). */
  dispose(): Promise<void>

  // ---- peers (issue 11) ----
  /**
   * The namespace's fault rules: errors, dropped connections, latency, lost responses and
   * partial batches for its client requests only. `reset()` clears them.
   */
  readonly faults: FaultControl
  /** How long writes take to show in global secondary indexes, per table (opt-in). */
  readonly indexLag: IndexLagControl
  /**
   * Loads items now (a file path, or `{ tableName: items }` in plain or DynamoDB JSON).
   * @returns how many items were written
   * @throws {@link EmulatorError} `INVALID_OPTIONS` naming the file, table, item and attribute
   */
  seed(seed: SeedOption): Promise<{ written: number }>
  /**
   * Copies one table (`options.tableName`) or every table of the namespace, items, indexes and
   * TTL settings, kept in memory until `deleteSnapshot` or the namespace goes (20 at most).
   * @throws {@link EmulatorError} `TABLE_NOT_FOUND`, or `INVALID_STATE` past 20 snapshots
   */
  snapshot(options?: TableScope): Promise<SnapshotInfo>
  /**
   * Puts the namespace back as the snapshot holds it (a table snapshot: only that table; a
   * namespace snapshot also deletes tables made since).
   * @throws {@link EmulatorError} `INVALID_STATE` for an unknown snapshot, `INVALID_OPTIONS` for
   *   anything but a snapshot or its id
   */
  restore(snapshot: SnapshotInfo | string): Promise<void>
  /** Drops a snapshot; false when there is none of that id. */
  deleteSnapshot(snapshot: SnapshotInfo | string): boolean
  /**
   * Deletes every item of one table (or every table), keeping the tables: a per-test cleanup
   * that takes about a millisecond for 1,000 items in a namespace of one table.
   * @throws {@link EmulatorError} `TABLE_NOT_FOUND` for an unknown `tableName`, `INVALID_OPTIONS`
   *   for a `tableName` that is not a non-empty string
   */
  truncate(options?: TableScope): Promise<{ deleted: number }>
}
