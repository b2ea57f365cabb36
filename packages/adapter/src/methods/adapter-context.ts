import type { RetryPolicy } from '../batch-delete.js'
import type { DocumentPort } from '../client/document-port.js'
import type { TableLayout } from '../table-layout.js'

/** What every group of adapter methods works with. */
export interface AdapterContext {
  readonly port: DocumentPort
  readonly layout: TableLayout
  readonly retry: RetryPolicy
}
