import type { SeedItems } from '../seed/seed-types.js'
import type { SnapshotsAdminClient, TableScope } from '../snapshot/snapshot-control.js'
import type { SnapshotInfo } from '../snapshot/snapshot-types.js'
import type { FaultsAdminClient } from './faults/fault-control.js'
import type { FaultRuleStatus } from './faults/fault-rule.js'
import type { IndexLagAdminClient } from './index-lag/index-lag-control.js'
import type { IndexLagStatus } from './index-lag/index-lag-types.js'

/** The admin client members of one namespace for issue 11's features. */
export interface PeerNamespaceAdminClient {
  /** The namespace's fault rules. */
  readonly faults: FaultsAdminClient
  /** The namespace's index lag. */
  readonly indexLag: IndexLagAdminClient
  /** Snapshots of the namespace or one of its tables, kept by the emulator. */
  readonly snapshots: SnapshotsAdminClient
  /** Deletes every item of one table (or every table), keeping the tables. */
  truncate(options?: TableScope): Promise<{ deleted: number }>
  /**
   * Loads items now: `{ tableName: items }` in plain or DynamoDB JSON (or several such objects).
   * @throws {@link EmulatorError} `ADMIN_REQUEST_FAILED` naming the table, item and attribute
   */
  seed(items: SeedItems | SeedItems[]): Promise<{ written: number }>
}

/** How the admin client sends one request. */
export type AdminCall = <T>(method: string, path: string, body?: unknown) => Promise<T>

/** Builds the issue 11 members of a namespace's admin client, under `prefix`. */
export function peerNamespaceAdminClient(
  call: AdminCall,
  prefix: string,
): PeerNamespaceAdminClient {
  const idOf = (snapshot: SnapshotInfo | string) =>
    encodeURIComponent(typeof snapshot === 'string' ? snapshot : snapshot.id)
  return {
    faults: {
      add: (rule) => call<FaultRuleStatus>('POST', `${prefix}/faults`, rule),
      list: async () => (await call<{ rules: FaultRuleStatus[] }>('GET', `${prefix}/faults`)).rules,
      remove: (id) => call('DELETE', `${prefix}/faults/${encodeURIComponent(id)}`),
      clear: () => call('DELETE', `${prefix}/faults`),
    },
    indexLag: {
      set: (lagMs, options = {}) =>
        call<IndexLagStatus>('POST', `${prefix}/index-lag`, { lagMs, ...options }),
      status: () => call<IndexLagStatus>('GET', `${prefix}/index-lag`),
      flush: (options = {}) => call('POST', `${prefix}/index-lag/flush`, options),
    },
    snapshots: {
      take: (options = {}) => call<SnapshotInfo>('POST', `${prefix}/snapshots`, options),
      restore: (snapshot) => call('POST', `${prefix}/snapshots/${idOf(snapshot)}/restore`, {}),
      list: async () =>
        (await call<{ snapshots: SnapshotInfo[] }>('GET', `${prefix}/snapshots`)).snapshots,
      delete: (snapshot) => call('DELETE', `${prefix}/snapshots/${idOf(snapshot)}`),
    },
    truncate: (options = {}) => call('POST', `${prefix}/truncate`, options),
    seed: (items) => call('POST', `${prefix}/seed`, items),
  }
}
