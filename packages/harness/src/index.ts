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
// ---- peers (issue 11): faults, index lag, seed data, snapshots ----
export type { FaultControl, FaultsAdminClient } from './features/faults/fault-control.js'
export type {
  FaultAction,
  FaultErrorType,
  FaultRuleInput,
  FaultRuleStatus,
} from './features/faults/fault-rule.js'
export type { IndexLagOption, IndexLagStatus } from './features/index-lag/index-lag.js'
export type {
  IndexLagAdminClient,
  IndexLagControl,
} from './features/index-lag/index-lag-control.js'
export type { PeerNamespaceAdminClient } from './features/peer-admin-client.js'
export type { EmulatorNamespace } from './namespaces/emulator-namespace.js'
export type { NamespaceOptions } from './namespaces/namespace-registry.js'
export type { EmulatorOptions, TtlOptions } from './options/emulator-options.js'
export type { SeedItems, SeedOption, SeedSource } from './seed/seed-data.js'
export type { SeedFormat } from './seed/seed-items.js'
export type { SnapshotsAdminClient, TableScope } from './snapshot/snapshot-control.js'
export type { SnapshotInfo } from './snapshot/snapshot-store.js'
export {
  type AuthjsTableOptions,
  authjsTable,
  authjsTableDefaults,
  authjsTtlAttribute,
} from './tables/authjs-table.js'
export type { TableDefinition, TimeToLiveSpecification } from './tables/table-definition.js'
export type { ItemFormat } from './tables/table-items.js'
export type { SweepOptions, SweepResult } from './ttl/ttl-sweeper.js'
