export { type AdminClient, adminClient, type NamespaceAdminClient } from '../admin/admin-client.js'
export type { FaultsAdminClient } from '../features/faults/fault-control.js'
export type { FaultAction, FaultRuleInput, FaultRuleStatus } from '../features/faults/fault-rule.js'
export { emulatorClock, sweepExpiredItems } from './emulator-controls.js'
export {
  fileNamespace,
  type JestClockControl,
  type JestFileNamespace,
  type JestFileNamespaceOptions,
} from './file-namespace.js'
export {
  isolatedAuthjsTable,
  type JestIsolatedAuthjsTable,
  type JestIsolatedAuthjsTableOptions,
} from './isolated-authjs-table.js'
export { authDynamoContext, type JestAuthDynamoContext } from './jest-context.js'
