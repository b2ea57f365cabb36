import type { EmulatorClock } from '../clock/emulator-clock.js'
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
}
