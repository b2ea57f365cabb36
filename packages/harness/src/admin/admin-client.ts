import { EmulatorError } from '../errors/emulator-error.js'
import type { OperationCounts } from '../server/operation-log.js'
import type { AuthjsTableOptions } from '../tables/authjs-table.js'
import type { TableDefinition } from '../tables/table-definition.js'
import type { ItemFormat } from '../tables/table-items.js'
import type { SweepOptions, SweepResult } from '../ttl/ttl-sweeper.js'
import { adminPath } from './admin-path.js'
import type { AdminErrorBody, ClockStatus, HealthStatus, TableItems } from './admin-types.js'

/** A typed client for an emulator's admin API, usable from any process. */
export interface AdminClient {
  health(): Promise<HealthStatus>
  clock(): Promise<ClockStatus>
  advanceClock(ms: number): Promise<ClockStatus>
  setClock(date: Date | string | number): Promise<ClockStatus>
  sweep(options?: SweepOptions): Promise<SweepResult>
  reset(): Promise<{ tables: string[] }>
  listTables(): Promise<string[]>
  createAuthjsTable(options?: AuthjsTableOptions): Promise<{ tableName: string }>
  createTable(definition: TableDefinition): Promise<{ tableName: string }>
  deleteTable(tableName: string): Promise<void>
  items(tableName: string, format?: ItemFormat): Promise<TableItems>
  /** DynamoDB operations clients sent over HTTP since start, counted by name; optionally only those signed with one access key. */
  operations(options?: { accessKeyId?: string }): Promise<OperationCounts>
}

/**
 * A client for the admin API of the emulator at `endpoint`.
 *
 * @param endpoint - the emulator's endpoint (`http://127.0.0.1:8000`) or its admin URL
 * @throws {@link EmulatorError} `ADMIN_REQUEST_FAILED` from every method when the emulator
 * answers with an error or cannot be reached, with the emulator's own message
 */
export function adminClient(endpoint: string): AdminClient {
  const base = endpoint.replace(/\/+$/, '').replace(new RegExp(`${adminPath}$`), '') + adminPath
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let response: Response
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    } catch (error) {
      throw new EmulatorError(
        'ADMIN_REQUEST_FAILED',
        `Cannot reach the emulator admin API at ${base}: ${(error as Error).message}. Is the emulator running?`,
        { cause: error },
      )
    }
    if (response.status === 204) return undefined as T
    const text = await response.text()
    if (!response.ok) {
      let message = text
      try {
        message = (JSON.parse(text) as AdminErrorBody).error.message
      } catch {}
      throw new EmulatorError(
        'ADMIN_REQUEST_FAILED',
        `${method} ${base}${path} failed with ${response.status}: ${message}`,
      )
    }
    return JSON.parse(text) as T
  }
  return {
    health: () => call('GET', '/health'),
    clock: () => call('GET', '/clock'),
    advanceClock: (ms) => call('POST', '/clock', { advanceMs: ms }),
    setClock: (date) =>
      call('POST', '/clock', { set: date instanceof Date ? date.toISOString() : date }),
    sweep: (options = {}) => call('POST', '/sweep', options),
    reset: () => call('POST', '/reset'),
    listTables: async () => (await call<{ tables: string[] }>('GET', '/tables')).tables,
    createAuthjsTable: (options = {}) => call('POST', '/tables', { authjs: options }),
    createTable: (definition) => call('POST', '/tables', { definition }),
    deleteTable: (tableName) => call('DELETE', `/tables/${encodeURIComponent(tableName)}`),
    operations: async ({ accessKeyId } = {}) => {
      const query =
        accessKeyId === undefined ? '' : `?accessKeyId=${encodeURIComponent(accessKeyId)}`
      return (await call<{ operations: OperationCounts }>('GET', `/operations${query}`)).operations
    },
    items: (tableName, format = 'plain') =>
      call('GET', `/tables/${encodeURIComponent(tableName)}/items?format=${format}`),
  }
}
