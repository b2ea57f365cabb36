export { type AdminClient, adminClient, type NamespaceAdminClient } from '../admin/admin-client.js'
export type { AuthDynamoContext } from './auth-dynamo-context.js'
export { emulatorAdmin, emulatorClock, sweepExpiredItems } from './emulator-controls.js'
export {
  type EmulatorClockControl,
  type FileNamespace,
  type FileNamespaceOptions,
  fileNamespace,
} from './file-namespace.js'
export { authDynamoContext } from './inject-context.js'
export {
  type IsolatedAuthjsTable,
  type IsolatedAuthjsTableOptions,
  isolatedAuthjsTable,
} from './isolated-authjs-table.js'
