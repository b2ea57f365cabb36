import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument, type TranslateConfig } from '@aws-sdk/lib-dynamodb'
import { type AuthjsTableOptions, authjsTableDefaults } from '../tables/authjs-table.js'
import type { SweepResult } from '../ttl/ttl-sweeper.js'
import { fileNamespace } from './file-namespace.js'
import { authDynamoContext } from './jest-context.js'

/** Options of {@link isolatedAuthjsTable}. */
export interface JestIsolatedAuthjsTableOptions extends Omit<AuthjsTableOptions, 'tableName'> {
  /** Start of the table's name; a random suffix makes it unique. @defaultValue `'next-auth'` */
  tableNamePrefix?: string
  /**
   * How the document client converts JavaScript values.
   * @defaultValue the marshall options the Auth.js DynamoDB guide gives
   */
  translateConfig?: TranslateConfig
}

/** A fresh Auth.js table in this test file's namespace, and a client for it. */
export interface JestIsolatedAuthjsTable {
  readonly tableName: string
  /** A document client signing into this file's namespace. */
  readonly client: DynamoDBDocument
  /** `DynamoDBAdapter(table.client, table.adapterOptions)`. */
  readonly adapterOptions: Required<AuthjsTableOptions>
  /** Every item in the table, as plain JSON. */
  items(): Promise<Array<Record<string, unknown>>>
  /** Deletes this table's expired items now, by this file's clock. */
  sweep(): Promise<SweepResult>
  /** Deletes every item of the table, keeping it: a fast reset between tests. */
  truncate(): Promise<{ deleted: number }>
  /** Deletes the table and closes the client. */
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
 * {@link fileNamespace}), ACTIVE and with TTL on `expires`, and a document client for it.
 *
 * @example
 * ```js
 * const table = await isolatedAuthjsTable()
 * const adapter = DynamoDBAdapter(table.client, table.adapterOptions)
 * ```
 * @throws {@link EmulatorError} `INVALID_STATE` outside a run with the globalSetup,
 *   `ADMIN_REQUEST_FAILED` when the emulator rejects the table
 */
export async function isolatedAuthjsTable(
  options: JestIsolatedAuthjsTableOptions = {},
): Promise<JestIsolatedAuthjsTable> {
  const context = authDynamoContext()
  const namespace = await fileNamespace()
  const { tableNamePrefix = context.tableName, translateConfig, ...keyNames } = options
  const { tableName } = await namespace.admin.createAuthjsTable({
    ...keyNames,
    tableName: tableNamePrefix,
  })
  const client = DynamoDBDocument.from(
    new DynamoDBClient({ ...namespace.clientConfig, credentials: { ...namespace.credentials } }),
    translateConfig ?? structuredClone(authjsTranslateConfig),
  )
  const definedKeyNames = Object.fromEntries(
    Object.entries(keyNames).filter(([, name]) => name !== undefined),
  )
  let disposed: Promise<void> | undefined
  return {
    tableName,
    client,
    adapterOptions: { ...authjsTableDefaults, ...definedKeyNames, tableName },
    items: async () => (await namespace.admin.items(tableName)).items,
    sweep: () => namespace.sweep({ tableName }),
    truncate: () => namespace.admin.truncate({ tableName }),
    dispose: () => {
      disposed ??= (async () => {
        client.destroy()
        await namespace.admin.deleteTable(tableName).catch(() => undefined)
      })()
      return disposed
    },
  }
}
