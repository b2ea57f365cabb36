import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument, type TranslateConfig } from '@aws-sdk/lib-dynamodb'
import { type AuthjsTableOptions, authjsTableDefaults } from '../tables/authjs-table.js'
import type { SweepResult } from '../ttl/ttl-sweeper.js'
import type { TestFileNamespace } from './file-namespace-core.js'

/** Options of `isolatedAuthjsTable()`: the adapter's key and index names, and the client's. */
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

/** A fresh, empty Auth.js table in a test file's namespace, and a client for it. */
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
  /** Deletes every item of the table, keeping it: a fast reset between tests. */
  truncate(): Promise<{ deleted: number }>
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
 * Creates a new Auth.js table with a unique name in `namespace`, ACTIVE and with TTL on
 * `expires`, and a document client for it. Shared by the vitest and jest helpers.
 * @param defaultPrefix - the table name prefix when `options` gives none
 * @throws {@link EmulatorError} `ADMIN_REQUEST_FAILED` when the emulator rejects the table
 */
export async function openIsolatedAuthjsTable(
  namespace: TestFileNamespace,
  defaultPrefix: string,
  options: IsolatedAuthjsTableOptions,
): Promise<IsolatedAuthjsTable> {
  const { tableNamePrefix = defaultPrefix, translateConfig, ...keyNames } = options
  const { tableName } = await namespace.admin.createAuthjsTable({
    ...keyNames,
    tableName: tableNamePrefix,
  })
  const client = DynamoDBDocument.from(
    // A copy of the credentials: the SDK writes bookkeeping into the object it is given.
    new DynamoDBClient({ ...namespace.clientConfig, credentials: { ...namespace.credentials } }),
    translateConfig ?? structuredClone(authjsTranslateConfig),
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
    truncate: () => namespace.admin.truncate({ tableName }),
    dispose,
    [Symbol.asyncDispose]: dispose,
  }
}
