import {
  type IsolatedAuthjsTable,
  type IsolatedAuthjsTableOptions,
  openIsolatedAuthjsTable,
} from '../test-workers/isolated-authjs-table-core.js'
import { fileNamespace } from './file-namespace.js'
import { authDynamoContext } from './jest-context.js'

/** Options of {@link isolatedAuthjsTable}. */
export type JestIsolatedAuthjsTableOptions = IsolatedAuthjsTableOptions

/** A fresh Auth.js table in this test file's namespace, and a client for it. */
export type JestIsolatedAuthjsTable = IsolatedAuthjsTable

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
  return openIsolatedAuthjsTable(await fileNamespace(), context.tableName, options)
}
