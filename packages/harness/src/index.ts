export {
  type AdminClient,
  type AdminClientOptions,
  adminClient,
  type NamespaceAdminClient,
} from './admin/admin-client.js'
export type {
  AdminErrorBody,
  ClockStatus,
  HealthStatus,
  NamespaceCredentials,
  NamespaceInfo,
  OperationsReport,
  TableItems,
} from './admin/admin-types.js'
export type { ClockMode, EmulatorClock } from './clock/emulator-clock.js'
export type { OperationCounts, OperationLogDropped } from './dispatch/operation-log.js'
export {
  Emulator,
  type EmulatorCredentials,
  startEmulator,
} from './emulator/emulator.js'
export type { EmulatorState } from './emulator/lifecycle.js'
export { EmulatorError, type EmulatorErrorCode } from './errors/emulator-error.js'
export type { EmulatorNamespace } from './namespaces/emulator-namespace.js'
export type { NamespaceOptions } from './namespaces/namespace-registry.js'
export type { EmulatorOptions, TtlOptions } from './options/emulator-options.js'
export {
  type AuthjsTableOptions,
  authjsTable,
  authjsTableDefaults,
  authjsTtlAttribute,
} from './tables/authjs-table.js'
export type { TableDefinition, TimeToLiveSpecification } from './tables/table-definition.js'
export type { ItemFormat } from './tables/table-items.js'
export type { SweepOptions, SweepResult } from './ttl/ttl-sweeper.js'
