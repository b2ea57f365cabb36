import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument, type TranslateConfig } from '@aws-sdk/lib-dynamodb'
import { type AuthjsTableOptions, authjsTableDefaults } from '../tables/authjs-table.js'
import type { SweepResult } from '../ttl/ttl-sweeper.js'
import { fileNamespace } from './file-namespace.js'
import { authDynamoContext } from './inject-context.js'

/** Options of {@link isolatedAuthjsTable}: the adapter's key and index names, and the client's. */
export interface IsolatedAuthjsTableOptions extends Omit<AuthjsTableOptions, 'tableName'> {
  /**
   * Start of the table's name; a random suffix makes it unique.
   * @defaultValue the name of the table the globalSetup seeded (`'next-auth'`)
   */
  tableNamePrefix?: string
  /**
   * How the document client converts JavaScript values.
   * @defaultValue `{ marshallOptions: { convertEmptyValues: true, removeUndefinedValues: true,
   *   convertClassInstanceToMap: true } }`, as the Auth.js DynamoDB guide configures it
   */
  translateConfig?: TranslateConfig
}

/** A fresh, empty Auth.js table in this test file's namespace, and a client for it. */
export interface IsolatedAuthjsTable extends AsyncDisposable {
  /** The generated, unique table name. */
  readonly tableName: string
  /** A document client connected to the emulator, signing into this file's namespace. */
  readonly client: DynamoDBDocument
  /**
   * The table's names in the adapter's option shape:
   * `DynamoDBAdapter(table.client, table.adapterOptions)`.
   */
  readonly adapterOptions: Required<AuthjsTableOptions>
  /**
   * Every item in the table now, as plain JSON (read through the admin API, not the client):
   * the `items` array of what `Emulator.items()` returns.
   */
  items(): Promise<Array<Record<string, unknown>>>
  /** Deletes this table's expired items now, by this file's clock. */
  sweep(): Promise<SweepResult>
  /** Deletes the table and closes the client. Also runs on `await using`. */
  dispose(): Promise<void>
}

const authjsTranslateConfig: TranslateConfig = {
  marshallOptions: {
    convertEmptyValues: true,
    removeUndefinedValues: true,
    convertClassInstanceToMap: true,
  },
}

/**
 * Creates a new Auth.js table with a unique name in this test file's namespace (see
 * {@link fileNamespace}), ACTIVE and with TTL on `expires`, and a document client for it. Files
 * running in parallel never see each other's items, clocks or sweeps; no new port, no new
 * process.
 *
 * @example
 * ```ts
 * const table = await isolatedAuthjsTable()
 * const adapter = DynamoDBAdapter(table.client, table.adapterOptions)
 * ```
 * @param options - key and index names (the adapter's defaults otherwise), name prefix, and
 *   the document client's translate config
 * @throws {@link EmulatorError} `INVALID_STATE` outside a run with the globalSetup, or
 *   `ADMIN_REQUEST_FAILED` when the emulator rejects the table (e.g. a bad name)
 */
export async function isolatedAuthjsTable(
  options: IsolatedAuthjsTableOptions = {},
): Promise<IsolatedAuthjsTable> {
  const context = authDynamoContext()
  const namespace = await fileNamespace()
  const { tableNamePrefix = context.tableName, translateConfig, ...keyNames } = options
  const { tableName } = await namespace.admin.createAuthjsTable({
    ...keyNames,
    tableName: tableNamePrefix,
  })
  const client = DynamoDBDocument.from(
    // A copy of the credentials: the SDK writes bookkeeping into the object it is given.
    new DynamoDBClient({ ...namespace.clientConfig, credentials: { ...namespace.credentials } }),
    translateConfig ?? authjsTranslateConfig,
  )
  const definedKeyNames = Object.fromEntries(
    Object.entries(keyNames).filter(([, name]) => name !== undefined),
  )
  let disposed: Promise<void> | undefined
  const dispose = () => {
    disposed ??= (async () => {
      client.destroy()
      await namespace.admin.deleteTable(tableName).catch(() => undefined)
    })()
    return disposed
  }
  return {
    tableName,
    client,
    adapterOptions: { ...authjsTableDefaults, ...definedKeyNames, tableName },
    items: async () => (await namespace.admin.items(tableName)).items,
    sweep: () => namespace.sweep({ tableName }),
    dispose,
    [Symbol.asyncDispose]: dispose,
  }
}
