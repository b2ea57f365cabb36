import type { Namespace } from '../namespaces/namespace.js'
import type { NamespaceInfo } from './admin-types.js'
import { clockStatus } from './clock-status.js'

/** A namespace as the admin API reports it: id, credentials, tables and clock. */
export async function namespaceInfo(namespace: Namespace): Promise<NamespaceInfo> {
  return {
    id: namespace.id,
    credentials: {
      accessKeyId: namespace.accessKeyId ?? 'auth-dynamo',
      secretAccessKey: 'auth-dynamo',
    },
    tables: await namespace.listTables(),
    clock: clockStatus(namespace.clock),
  }
}
