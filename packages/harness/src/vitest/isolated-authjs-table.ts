import {
  type IsolatedAuthjsTable,
  type IsolatedAuthjsTableOptions,
  openIsolatedAuthjsTable,
} from '../test-workers/isolated-authjs-table-core.js'
import { fileNamespace } from './file-namespace.js'
import { authDynamoContext } from './inject-context.js'

export type { IsolatedAuthjsTable, IsolatedAuthjsTableOptions }

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
  return openIsolatedAuthjsTable(await fileNamespace(), context.tableName, options)
}
