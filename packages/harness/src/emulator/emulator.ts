import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { DynamoDBClient, paginateListTables } from '@aws-sdk/client-dynamodb'
import { adminPath } from '../admin/admin-path.js'
import { createAdminRouter } from '../admin/admin-router.js'
import type { HealthStatus, TableItems } from '../admin/admin-types.js'
import { createClock, type EmulatorClock } from '../clock/emulator-clock.js'
import { DynaliteStore } from '../dynalite/dynalite-store.js'
import { EmulatorError } from '../errors/emulator-error.js'
import {
  type EmulatorOptions,
  type ResolvedEmulatorOptions,
  resolveEmulatorOptions,
} from '../options/emulator-options.js'
import { DirectoryLock } from '../persistence/directory-lock.js'
import { inProcessRequestHandler } from '../sdk/in-process-request-handler.js'
import { DynamoDispatcher } from '../server/dynamodb-dispatcher.js'
import { createRequestListener } from '../server/http-app.js'
import { type OperationCounts, OperationLog } from '../server/operation-log.js'
import { type AuthjsTableOptions, authjsTable } from '../tables/authjs-table.js'
import type { TableDefinition } from '../tables/table-definition.js'
import { type ItemFormat, readTableItems } from '../tables/table-items.js'
import { createTable, deleteTable } from '../tables/table-operations.js'
import { TtlRegistry } from '../ttl/ttl-registry.js'
import { type SweepOptions, type SweepResult, sweepExpiredItems } from '../ttl/ttl-sweeper.js'
import { type EmulatorState, Lifecycle } from './lifecycle.js'

/** Credentials the emulator hands out; it accepts any, as DynamoDB Local does. */
export interface EmulatorCredentials {
  accessKeyId: string
  secretAccessKey: string
}

// Keep-alive sockets of well-behaved clients close at once; this bounds the wait for the rest.
const closeGraceMs = 2000

/**
 * A running DynamoDB emulator: dynalite behind one HTTP server, with TTL simulated on a clock
 * you control. Create it with {@link startEmulator}; stop it with `stop()` or `await using`.
 */
export class Emulator implements AsyncDisposable {
  /** DynamoDB endpoint for AWS SDK clients, e.g. `http://127.0.0.1:8000`. */
  readonly endpoint: string
  /** Base URL of the admin API on the same port, e.g. `http://127.0.0.1:8000/_emulator`. */
  readonly adminUrl: string
  /** The interface the server listens on. */
  readonly host: string
  /** The port the server listens on (the free port picked, when started with port 0). */
  readonly port: number
  /** The region to configure clients with. */
  readonly region: string
  /** Credentials to configure clients with. */
  readonly credentials: EmulatorCredentials = {
    accessKeyId: 'auth-dynamo',
    secretAccessKey: 'auth-dynamo',
  }
  /** The clock TTL expiry is measured on. */
  readonly clock: EmulatorClock
  /** Names of the tables created at start (and again by `reset()`). */
  readonly tables: readonly string[]

  readonly #options: ResolvedEmulatorOptions
  readonly #lifecycle: Lifecycle
  readonly #store: DynaliteStore
  readonly #registry: TtlRegistry
  readonly #client: DynamoDBClient
  readonly #server: Server
  readonly #lock: DirectoryLock | undefined
  readonly #operationLog: OperationLog
  #sweepTimer: NodeJS.Timeout | undefined
  #lastSweepError: string | null = null
  #exclusive: Promise<unknown> = Promise.resolve()
  #stopping: Promise<void> | undefined

  private constructor(parts: {
    options: ResolvedEmulatorOptions
    lifecycle: Lifecycle
    store: DynaliteStore
    registry: TtlRegistry
    client: DynamoDBClient
    server: Server
    clock: EmulatorClock
    lock: DirectoryLock | undefined
    operationLog: OperationLog
  }) {
    this.#options = parts.options
    this.#lifecycle = parts.lifecycle
    this.#store = parts.store
    this.#registry = parts.registry
    this.#client = parts.client
    this.#server = parts.server
    this.#lock = parts.lock
    this.#operationLog = parts.operationLog
    this.clock = parts.clock
    this.region = parts.options.region
    this.tables = parts.options.tables.map((table) => table.TableName)
    const { port } = parts.server.address() as AddressInfo
    this.host = parts.options.host
    this.port = port
    this.endpoint = `http://${clientHost(parts.options.host)}:${port}`
    this.adminUrl = `${this.endpoint}${adminPath}`
  }

  /** @internal Use {@link startEmulator}. */
  static async start(options?: EmulatorOptions): Promise<Emulator> {
    const resolved = resolveEmulatorOptions(options)
    const lifecycle = new Lifecycle()
    let lock: DirectoryLock | undefined
    if (resolved.persist) {
      mkdirSync(resolved.persist, { recursive: true })
      lock = DirectoryLock.acquire(resolved.persist)
    }
    const store = DynaliteStore.open(resolved.persist && join(resolved.persist, 'dynalite'))
    const registry = TtlRegistry.open(resolved.persist && join(resolved.persist, 'ttl.json'))
    const dispatcher = new DynamoDispatcher(store, registry)
    const operationLog = new OperationLog()
    const clock = createClock(resolved.clock)
    const client = new DynamoDBClient({
      region: resolved.region,
      endpoint: 'http://emulator.internal',
      credentials: { accessKeyId: 'auth-dynamo', secretAccessKey: 'auth-dynamo' },
      requestHandler: inProcessRequestHandler((request) => dispatcher.dispatch(request)),
      maxAttempts: 1,
    })

    let emulator: Emulator | undefined
    const server = createServer(
      createRequestListener({
        dispatch: (request) => dispatcher.dispatch(request),
        operationLog,
        adminPath,
        adminRouter: createAdminRouter({
          clock,
          health: () => requireEmulator(emulator).health(),
          sweep: () => requireEmulator(emulator).sweep(),
          reset: () => requireEmulator(emulator).reset(),
          listTables: () => requireEmulator(emulator).listTables(),
          createTable: (definition) => requireEmulator(emulator).createTable(definition),
          createAuthjsTable: (tableOptions) =>
            requireEmulator(emulator).createAuthjsTable(tableOptions),
          deleteTable: (tableName) => requireEmulator(emulator).deleteTable(tableName),
          items: (tableName, format) => requireEmulator(emulator).items(tableName, format),
          operations: (accessKeyId) => operationLog.counts(accessKeyId),
        }),
        region: resolved.region,
      }),
    )

    try {
      for (const definition of resolved.tables) {
        await createTable(client, registry, definition, { ifMissing: Boolean(resolved.persist) })
      }
      await listen(server, resolved.port, resolved.host)
    } catch (error) {
      lifecycle.moveTo('stopped')
      client.destroy()
      await store.close().catch(() => undefined)
      lock?.release()
      throw error
    }

    emulator = new Emulator({
      options: resolved,
      lifecycle,
      store,
      registry,
      client,
      server,
      clock,
      lock,
      operationLog,
    })
    lifecycle.moveTo('running')
    emulator.#startSweeping()
    return emulator
  }

  /** `starting`, `running`, `stopping` or `stopped`. */
  get state(): EmulatorState {
    return this.#lifecycle.state
  }

  /**
   * Deletes expired items now, in every table with TTL enabled, or only in
   * `options.tableName` (in `lag` mode, only items expired for longer than the lag).
   * @throws {@link EmulatorError} `INVALID_STATE` unless running, `TABLE_NOT_FOUND` for an
   * unknown `tableName`
   */
  sweep(options: SweepOptions = {}): Promise<SweepResult> {
    this.#lifecycle.assertRunning('sweep')
    return this.#runExclusive(async () => {
      const { tableName } = options
      if (tableName !== undefined && !(await this.#listTables()).includes(tableName)) {
        throw new EmulatorError('TABLE_NOT_FOUND', `Cannot sweep ${tableName}: no such table`)
      }
      return sweepExpiredItems(
        this.#client,
        this.#registry,
        this.clock.now().getTime(),
        this.#options.ttl.mode === 'lag' ? this.#options.ttl.lagMs : 0,
        tableName,
      )
    })
  }

  /**
   * Deletes every table, then creates the configured tables again, empty.
   * @throws {@link EmulatorError} `INVALID_STATE` unless running
   */
  reset(): Promise<void> {
    this.#lifecycle.assertRunning('reset')
    return this.#runExclusive(async () => {
      for (const tableName of await this.#listTables()) {
        await deleteTable(this.#client, this.#registry, tableName)
      }
      this.#registry.clear()
      for (const definition of this.#options.tables) {
        await createTable(this.#client, this.#registry, definition)
      }
    })
  }

  /** Names of every table now in the emulator. */
  listTables(): Promise<string[]> {
    this.#lifecycle.assertRunning('list tables')
    return this.#listTables()
  }

  /**
   * Creates a table from a CreateTable input (CloudFormation's `TimeToLiveSpecification`
   * accepted), ACTIVE when this resolves.
   * @throws {@link EmulatorError} `TABLE_SETUP_FAILED` when DynamoDB rejects the definition
   */
  async createTable(definition: TableDefinition): Promise<{ tableName: string }> {
    this.#lifecycle.assertRunning('create a table')
    await createTable(this.#client, this.#registry, definition)
    return { tableName: definition.TableName }
  }

  /**
   * Creates a fresh Auth.js table with a unique name, for one test file's isolation.
   * @param options - the adapter's option names; `tableName` is used as the prefix
   * @defaultValue prefix `'next-auth'`
   */
  createAuthjsTable(options: AuthjsTableOptions = {}): Promise<{ tableName: string }> {
    const prefix = options.tableName ?? 'next-auth'
    const tableName = `${prefix}-${randomBytes(6).toString('hex')}`
    return this.createTable(authjsTable({ ...options, tableName }))
  }

  /** Deletes a table; a missing table is not an error. */
  async deleteTable(tableName: string): Promise<void> {
    this.#lifecycle.assertRunning('delete a table')
    await deleteTable(this.#client, this.#registry, tableName)
  }

  /**
   * Every item of a table, as plain JSON (default) or as DynamoDB attribute values.
   * @throws the SDK's ResourceNotFoundException for a missing table
   */
  items(tableName: string, format: ItemFormat = 'plain'): Promise<TableItems> {
    this.#lifecycle.assertRunning('read items')
    return readTableItems(this.#client, tableName, format)
  }

  /**
   * How many times clients sent each DynamoDB operation over HTTP since start, by name
   * (`{ GetItem: 3, Query: 2 }`), unsupported ones included; summed over every client, or only
   * those signing with `options.accessKeyId`. Assert with it that an application stays inside
   * its IAM policy. The emulator's own work (sweeps, admin API) is not counted.
   */
  operations(options: { accessKeyId?: string } = {}): OperationCounts {
    return this.#operationLog.counts(options.accessKeyId)
  }

  /** What `GET /_emulator/health` reports. */
  health(): HealthStatus {
    const now = this.clock.now()
    return {
      status: 'ok',
      state: this.state,
      endpoint: this.endpoint,
      region: this.region,
      tables: [...this.tables],
      clock: { mode: this.clock.mode, now: now.toISOString(), epochMs: now.getTime() },
      ttl: { ...this.#options.ttl },
      lastSweepError: this.#lastSweepError,
    }
  }

  /** Stops the server and closes the store. Safe to call more than once. */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop()
    return this.#stopping
  }

  /** Same as {@link Emulator.stop}, for `await using`. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.stop()
  }

  async #stop(): Promise<void> {
    this.#lifecycle.moveTo('stopping')
    clearInterval(this.#sweepTimer)
    await closeServer(this.#server)
    await this.#exclusive.catch(() => undefined)
    this.#client.destroy()
    await this.#store.close()
    this.#lock?.release()
    this.#lifecycle.moveTo('stopped')
  }

  #startSweeping(): void {
    if (this.#options.ttl.mode === 'manual') return
    this.#sweepTimer = setInterval(() => {
      if (this.state !== 'running') return
      this.sweep().then(
        () => {
          this.#lastSweepError = null
        },
        (error: unknown) => {
          this.#lastSweepError = error instanceof Error ? error.message : String(error)
        },
      )
    }, this.#options.ttl.intervalMs)
    this.#sweepTimer.unref()
  }

  // Sweeps and resets run one at a time: a sweep never scans a table a reset is deleting.
  #runExclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#exclusive.then(work)
    this.#exclusive = run.catch(() => undefined)
    return run
  }

  async #listTables(): Promise<string[]> {
    const names: string[] = []
    for await (const page of paginateListTables({ client: this.#client }, {})) {
      names.push(...(page.TableNames ?? []))
    }
    return names
  }
}

/**
 * Starts an emulator and resolves once it listens with its tables ACTIVE.
 *
 * @example
 * ```ts
 * await using emulator = await startEmulator({ clock: 'manual', ttl: { mode: 'manual' } })
 * const client = new DynamoDBClient({ endpoint: emulator.endpoint, region: emulator.region, credentials: emulator.credentials })
 * ```
 * @throws {@link EmulatorError} `INVALID_OPTIONS` naming each bad field, `PORT_IN_USE`,
 * `LISTEN_FAILED`, or `TABLE_SETUP_FAILED` naming the table
 */
export function startEmulator(options?: EmulatorOptions): Promise<Emulator> {
  return Emulator.start(options)
}

function requireEmulator(emulator: Emulator | undefined): Emulator {
  if (!emulator) throw new EmulatorError('INVALID_STATE', 'The emulator is still starting')
  return emulator
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening)
      if (error.code === 'EADDRINUSE') {
        reject(
          new EmulatorError(
            'PORT_IN_USE',
            `Port ${port} on ${host} is in use: pass port 0 for a free port, or stop the process that holds it`,
            { cause: error },
          ),
        )
      } else {
        reject(
          new EmulatorError('LISTEN_FAILED', `Cannot listen on ${host}:${port}: ${error.message}`, {
            cause: error,
          }),
        )
      }
    }
    const onListening = () => {
      server.off('error', onError)
      resolve()
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, host)
  })
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), closeGraceMs)
    server.close(() => {
      clearTimeout(force)
      resolve()
    })
    server.closeIdleConnections()
  })
}

function clientHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}
