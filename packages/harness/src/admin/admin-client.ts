import type { OperationCounts } from '../dispatch/operation-log.js'
import { EmulatorError } from '../errors/emulator-error.js'
import type { IndexLagOption } from '../features/index-lag/index-lag-types.js'
// peers (issue 11)
import {
  type PeerNamespaceAdminClient,
  peerNamespaceAdminClient,
} from '../features/peer-admin-client.js'
import type { SeedItems } from '../seed/seed-types.js'
import type { AuthjsTableOptions } from '../tables/authjs-table.js'
import type { TableDefinition } from '../tables/table-definition.js'
import type { ItemFormat, TableItems } from '../tables/table-items.js'
import type { SweepOptions, SweepResult } from '../ttl/ttl-sweeper.js'
import { adminPath } from './admin-path.js'
import type {
  AdminErrorBody,
  ClockStatus,
  HealthStatus,
  NamespaceInfo,
  OperationsReport,
} from './admin-types.js'

/**
 * The admin API of one namespace: its clock, sweeps, reset, tables and items; and (issue 11)
 * its fault rules, index lag, seed data, snapshots and truncate.
 */
export interface NamespaceAdminClient extends PeerNamespaceAdminClient {
  /** The namespace's clock. */
  clock(): Promise<ClockStatus>
  /** Moves the namespace's clock forward by `ms` (0 to 8.64e15). */
  advanceClock(ms: number): Promise<ClockStatus>
  /** Moves the namespace's clock to a date (also backwards). */
  setClock(date: Date | string | number): Promise<ClockStatus>
  /** Puts the namespace's clock back on real time. */
  resetClock(): Promise<ClockStatus>
  /** Deletes expired items now (every TTL table of the namespace, or `options.tableName`). */
  sweep(options?: SweepOptions): Promise<SweepResult>
  /** Deletes every table of the namespace and recreates its seed tables, empty. */
  reset(): Promise<{ tables: string[] }>
  listTables(): Promise<string[]>
  /** A fresh Auth.js table with a unique name (`options.tableName` is the prefix). */
  createAuthjsTable(options?: AuthjsTableOptions): Promise<{ tableName: string }>
  createTable(definition: TableDefinition): Promise<{ tableName: string }>
  deleteTable(tableName: string): Promise<void>
  items(tableName: string, format?: ItemFormat): Promise<TableItems>
  /** DynamoDB operations this namespace's clients sent over HTTP, counted by name. */
  operations(options?: { accessKeyId?: string }): Promise<OperationCounts>
}

/** A typed client for an emulator's admin API, usable from any process. */
export interface AdminClient extends NamespaceAdminClient {
  /** Health of the emulator, with the default namespace's clock and tables. */
  health(): Promise<HealthStatus>
  /** DynamoDB operations every client sent over HTTP, counted by name, with what was dropped. */
  operationsReport(options?: { accessKeyId?: string }): Promise<OperationsReport>
  /**
   * Makes a namespace: a store of its own (the emulator's configured tables, or `tables`), with
   * its own clock. Sign requests with its `credentials` to reach it.
   */
  createNamespace(options?: {
    tables?: TableDefinition[]
    authjs?: AuthjsTableOptions
    clock?: 'system' | 'manual'
    // peers (issue 11)
    /** Items loaded now and on reset (inline data: the admin API reads no files). */
    seed?: SeedItems | SeedItems[]
    /** Milliseconds global index writes take to show: for every table, or by table name. */
    indexLag?: IndexLagOption
  }): Promise<NamespaceInfo>
  /** Deletes a namespace and everything in it. */
  deleteNamespace(id: string): Promise<void>
  /** The admin API of one namespace (by id). */
  namespace(id: string): NamespaceAdminClient
}

/** Options of {@link adminClient}. */
export interface AdminClientOptions {
  /** The admin token, for an emulator that listens beyond loopback (it prints it at start). */
  token?: string | undefined
  /** @internal How requests are sent; `fetch` unless told (the vitest worker uses node:http). */
  transport?: AdminTransport | undefined
}

/** @internal One admin request: rejects only when the emulator cannot be reached. */
export type AdminTransport = (request: {
  method: string
  url: string
  headers: Record<string, string>
  body: string | undefined
}) => Promise<{ status: number; text: string }>

const fetchTransport: AdminTransport = async ({ method, url, headers, body }) => {
  const response = await fetch(url, { method, headers, body })
  return { status: response.status, text: response.status === 204 ? '' : await response.text() }
}

/**
 * A client for the admin API of the emulator at `endpoint`. Without a namespace, its methods
 * act on the default namespace; `namespace(id)` gives a client for one test file's namespace.
 *
 * @param endpoint - the emulator's endpoint (`http://127.0.0.1:8000`) or its admin URL
 * @param options - the admin token, when the emulator needs one
 * @throws {@link EmulatorError} `ADMIN_REQUEST_FAILED` from every method when the emulator
 * answers with an error or cannot be reached, with the emulator's own message
 */
export function adminClient(endpoint: string, options: AdminClientOptions = {}): AdminClient {
  const base = endpoint.replace(/\/+$/, '').replace(new RegExp(`${adminPath}$`), '') + adminPath
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`
    const transport = options.transport ?? fetchTransport
    let response: { status: number; text: string }
    try {
      response = await transport({
        method,
        url: `${base}${path}`,
        headers,
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
    const { text } = response
    if (response.status < 200 || response.status > 299) {
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
  const scoped = (prefix: string): NamespaceAdminClient => ({
    clock: () => call('GET', `${prefix}/clock`),
    advanceClock: (ms) => call('POST', `${prefix}/clock`, { advanceMs: ms }),
    setClock: (date) =>
      call('POST', `${prefix}/clock`, { set: date instanceof Date ? date.toISOString() : date }),
    resetClock: () => call('POST', `${prefix}/clock`, { reset: true }),
    sweep: (sweepOptions = {}) => call('POST', `${prefix}/sweep`, sweepOptions),
    reset: () => call('POST', `${prefix}/reset`, {}),
    listTables: async () => (await call<{ tables: string[] }>('GET', `${prefix}/tables`)).tables,
    createAuthjsTable: (tableOptions = {}) =>
      call('POST', `${prefix}/tables`, { authjs: tableOptions }),
    createTable: (definition) => call('POST', `${prefix}/tables`, { definition }),
    deleteTable: (tableName) => call('DELETE', `${prefix}/tables/${encodeURIComponent(tableName)}`),
    items: (tableName, format = 'plain') =>
      call('GET', `${prefix}/tables/${encodeURIComponent(tableName)}/items?format=${format}`),
    operations: async ({ accessKeyId } = {}) => {
      const query =
        accessKeyId === undefined ? '' : `?accessKeyId=${encodeURIComponent(accessKeyId)}`
      return (await call<OperationsReport>('GET', `${prefix}/operations${query}`)).operations
    },
    // peers (issue 11)
    ...peerNamespaceAdminClient(call, prefix),
  })
  return {
    ...scoped(''),
    health: () => call('GET', '/health'),
    operationsReport: ({ accessKeyId } = {}) =>
      call(
        'GET',
        `/operations${accessKeyId === undefined ? '' : `?accessKeyId=${encodeURIComponent(accessKeyId)}`}`,
      ),
    // Without options, no body: the emulator then makes the namespace without loading its
    // admin app (express, zod), which most test files never need otherwise.
    createNamespace: (namespaceOptions = {}) =>
      call(
        'POST',
        '/namespaces',
        typeof namespaceOptions !== 'object' ||
          namespaceOptions === null ||
          Object.values(namespaceOptions).some((value) => value !== undefined)
          ? namespaceOptions
          : undefined,
      ),
    deleteNamespace: (id) => call('DELETE', `/namespaces/${encodeURIComponent(id)}`),
    namespace: (id) => scoped(`/namespaces/${encodeURIComponent(id)}`),
  }
}
