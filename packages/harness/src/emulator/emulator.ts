import { randomBytes } from 'node:crypto'
import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { adminPath } from '../admin/admin-path.js'
import type { AdministeredEmulator } from '../admin/admin-router.js'
import type { HealthStatus, OperationsReport } from '../admin/admin-types.js'
import { clockStatus } from '../admin/clock-status.js'
import { serveNamespaceLifecycle } from '../admin/namespace-lifecycle-routes.js'
import { createClock, type EmulatorClock } from '../clock/emulator-clock.js'
import { Dispatcher } from '../dispatch/dispatcher.js'
import { interceptors } from '../dispatch/interceptors.js'
import { type OperationCounts, OperationLog } from '../dispatch/operation-log.js'
import { OperationRouter } from '../dispatch/operation-router.js'
import { DynaliteEngine } from '../engine/dynalite-engine.js'
import { EmulatorError } from '../errors/emulator-error.js'
import { featureModules } from '../features/feature-modules.js'
// peers (issue 11)
import { peerFeaturesOf } from '../features/peer-features.js'
import { unsupportedOperations } from '../features/unsupported-operations.js'
import { createRequestListener } from '../http/http-app.js'
import { isLoopbackName, RequestGuard } from '../http/request-guard.js'
import type { EmulatorNamespace } from '../namespaces/emulator-namespace.js'
import { Namespace } from '../namespaces/namespace.js'
import {
  defaultNamespaceId,
  type NamespaceOptions,
  NamespaceRegistry,
  namespaceIdOf,
} from '../namespaces/namespace-registry.js'
import {
  type EmulatorOptions,
  type ResolvedEmulatorOptions,
  resolveEmulatorOptions,
} from '../options/emulator-options.js'
import { DirectoryLock } from '../persistence/directory-lock.js'
import { ensurePersistDirectory } from '../persistence/persist-directory.js'
import { repairAfterHardStop } from '../persistence/repair-on-open.js'
import { readSeed } from '../seed/seed-data.js'
import { type AuthjsTableOptions, authjsTable } from '../tables/authjs-table.js'
import type { TableDefinition } from '../tables/table-definition.js'
import type { ItemFormat, TableItems } from '../tables/table-items.js'
import { TtlRegistry } from '../ttl/ttl-registry.js'
import type { SweepOptions, SweepResult } from '../ttl/ttl-sweeper.js'
import { type EmulatorState, Lifecycle } from './lifecycle.js'

/** Credentials the emulator hands out; it accepts any, as DynamoDB Local does. */
export interface EmulatorCredentials {
  accessKeyId: string
  secretAccessKey: string
}

// Keep-alive sockets of well-behaved clients close at once; this bounds the wait for the rest.
const closeGraceMs = 2000

/**
 * A running DynamoDB emulator: dynalite behind one HTTP server, with TTL simulated on clocks
 * you control, and namespaces that keep test files apart. Create it with {@link startEmulator};
 * stop it with `stop()` or `await using`.
 *
 * The members without a namespace in their name act on the default namespace: the tables
 * created at start, reached with any access key but a namespace's.
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
  /** Credentials to configure clients with (the default namespace's). */
  readonly credentials: EmulatorCredentials = {
    accessKeyId: 'auth-dynamo',
    secretAccessKey: 'auth-dynamo',
  }
  /** The default namespace's clock. */
  readonly clock: EmulatorClock
  /** Names of the tables created at start (and again by `reset()`). */
  readonly tables: readonly string[]
  /** The admin API's token, when one is required (a host beyond loopback, or the option). */
  readonly adminToken: string | undefined

  readonly #options: ResolvedEmulatorOptions
  readonly #lifecycle: Lifecycle
  readonly #namespaces: NamespaceRegistry
  readonly #server: Server
  readonly #lock: DirectoryLock | undefined
  readonly #operationLog: OperationLog
  #sweepTimer: NodeJS.Timeout | undefined
  #lastSweepError: string | null = null
  readonly #sweeping = new Set<string>()
  #stopping: Promise<void> | undefined

  private constructor(parts: {
    options: ResolvedEmulatorOptions
    lifecycle: Lifecycle
    namespaces: NamespaceRegistry
    server: Server
    lock: DirectoryLock | undefined
    operationLog: OperationLog
    adminToken: string | undefined
  }) {
    this.#options = parts.options
    this.#lifecycle = parts.lifecycle
    this.#namespaces = parts.namespaces
    this.#server = parts.server
    this.#lock = parts.lock
    this.#operationLog = parts.operationLog
    this.adminToken = parts.adminToken
    this.clock = parts.namespaces.default.clock
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
    const resolved = await resolveEmulatorOptions(options)
    // Seed files are read (and checked) before anything starts.
    const seed = await readSeed(resolved.seed)
    const lifecycle = new Lifecycle()
    let lock: DirectoryLock | undefined
    if (resolved.persist) {
      ensurePersistDirectory(resolved.persist)
      lock = DirectoryLock.acquire(resolved.persist)
    }
    const router = new OperationRouter(featureModules, unsupportedOperations)
    const ttlLagMs = resolved.ttl.mode === 'lag' ? resolved.ttl.lagMs : 0
    const defaultNamespace = new Namespace({
      id: defaultNamespaceId,
      accessKeyId: undefined,
      clock: createClock(resolved.clock),
      engine: DynaliteEngine.open({ path: resolved.persist && join(resolved.persist, 'dynalite') }),
      ttl: TtlRegistry.open(resolved.persist && join(resolved.persist, 'ttl.json')),
      definitions: resolved.tables,
      router,
      ttlLagMs,
      // peers (issue 11)
      seed,
      indexLag: resolved.indexLag,
    })
    const namespaces = new NamespaceRegistry(defaultNamespace, {
      tables: resolved.tables,
      clock: resolved.clock,
      router,
      ttlLagMs,
      // peers (issue 11)
      seed,
      indexLag: resolved.indexLag,
    })
    const operationLog = new OperationLog()
    const adminToken =
      resolved.adminToken ??
      (isLoopbackName(resolved.host) ? undefined : randomBytes(24).toString('base64url'))
    const guard = new RequestGuard({
      host: resolved.host,
      allowedHosts: resolved.allowedHosts,
      adminToken,
    })

    let emulator: Emulator | undefined
    let admin: Promise<RequestListener> | undefined
    const server = createServer(
      createRequestListener({
        dispatcher: new Dispatcher(namespaces, operationLog, interceptors),
        guard,
        adminPath,
        adminHandler: () => {
          admin ??= loadAdminHandler(() => requireEmulator(emulator))
          return admin
        },
        adminWithoutApp: (req, res) =>
          serveNamespaceLifecycle(req, res, () => requireEmulator(emulator).administered()),
        region: resolved.region,
      }),
    )
    // peers (issue 11): with Node's default 5 s, a busy host (jest's parent process running the
    // emulator beside 4 workers on a loaded machine) closed idle keep-alive sockets just as a
    // worker's fetch reused them: "other side closed" on admin requests. With a longer timeout
    // the client side drops idle sockets first (undici's fetch after 4 s), and the race is gone.
    server.keepAliveTimeout = 65_000

    try {
      if (resolved.persist)
        await repairAfterHardStop(defaultNamespace.engine.store, defaultNamespace.ttl)
      await defaultNamespace.createSeedTables({ ifMissing: Boolean(resolved.persist) })
      await listen(server, resolved.port, resolved.host)
    } catch (error) {
      lifecycle.moveTo('stopped')
      await namespaces.closeAll().catch(() => undefined)
      lock?.release()
      throw error
    }

    emulator = new Emulator({
      options: resolved,
      lifecycle,
      namespaces,
      server,
      lock,
      operationLog,
      adminToken,
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
   * Deletes expired items of the default namespace now, in every table with TTL enabled, or
   * only in `options.tableName` (in `lag` mode, only items expired for longer than the lag).
   * @throws {@link EmulatorError} `INVALID_STATE` unless running, `TABLE_NOT_FOUND` for an
   * unknown `tableName`
   */
  sweep(options: SweepOptions = {}): Promise<SweepResult> {
    this.#lifecycle.assertRunning('sweep')
    return this.#namespaces.default.sweep(options)
  }

  /**
   * Back to the state at start: deletes every namespace made since, and every table of the
   * default namespace, then creates the configured tables again, empty.
   * @throws {@link EmulatorError} `INVALID_STATE` unless running
   */
  reset(): Promise<void> {
    this.#lifecycle.assertRunning('reset')
    return (async () => {
      for (const namespace of this.#namespaces.list()) await this.#namespaces.delete(namespace.id)
      await this.#namespaces.default.reset()
    })()
  }

  /** Names of every table in the default namespace. */
  listTables(): Promise<string[]> {
    this.#lifecycle.assertRunning('list tables')
    return this.#namespaces.default.listTables()
  }

  /**
   * Creates a table in the default namespace from a CreateTable input (CloudFormation's
   * `TimeToLiveSpecification` accepted), ACTIVE when this resolves.
   * @throws {@link EmulatorError} `TABLE_SETUP_FAILED` when DynamoDB rejects the definition
   */
  createTable(definition: TableDefinition): Promise<{ tableName: string }> {
    this.#lifecycle.assertRunning('create a table')
    return this.#namespaces.default.createTable(definition)
  }

  /**
   * Creates a fresh Auth.js table with a unique name in the default namespace.
   * @param options - the adapter's option names; `tableName` is used as the prefix
   * @defaultValue prefix `'next-auth'`
   */
  createAuthjsTable(options: AuthjsTableOptions = {}): Promise<{ tableName: string }> {
    this.#lifecycle.assertRunning('create a table')
    return this.#createAuthjsTable(this.#namespaces.default, options)
  }

  /** Deletes a table of the default namespace; a missing table is not an error. */
  deleteTable(tableName: string): Promise<void> {
    this.#lifecycle.assertRunning('delete a table')
    return this.#namespaces.default.deleteTable(tableName)
  }

  /**
   * Every item of a table of the default namespace, as `{ tableName, count, items }`: plain
   * JSON (default) or DynamoDB attribute values.
   * @throws {@link EmulatorError} `TABLE_NOT_FOUND` for a missing table
   */
  items(tableName: string, format: ItemFormat = 'plain'): Promise<TableItems> {
    this.#lifecycle.assertRunning('read items')
    return this.#namespaces.default.items(tableName, format)
  }

  /**
   * Makes a namespace: a store of its own with the configured tables (or `options.tables`) and
   * its own clock, reached with the credentials it returns. One per test file keeps files apart.
   * @throws {@link EmulatorError} `INVALID_STATE` unless running or past 1,000 namespaces,
   *   `TABLE_SETUP_FAILED` when a table is rejected
   */
  createNamespace(options: NamespaceOptions = {}): Promise<EmulatorNamespace> {
    this.#lifecycle.assertRunning('create a namespace')
    return this.#namespaces.create(options).then((namespace) => this.#handle(namespace))
  }

  /**
   * A namespace by id (`'default'` included), or the one an access key belongs to.
   * @throws {@link EmulatorError} `INVALID_STATE` when there is no such namespace
   */
  namespace(idOrAccessKeyId: string = defaultNamespaceId): EmulatorNamespace {
    const fromKey = namespaceIdOf(idOrAccessKeyId)
    const namespace = this.#namespaces.get(fromKey ?? idOrAccessKeyId)
    if (!namespace) {
      throw new EmulatorError(
        'INVALID_STATE',
        `No namespace ${idOrAccessKeyId}: it was deleted, or never made`,
      )
    }
    return this.#handle(namespace)
  }

  /**
   * How many times clients sent each DynamoDB operation over HTTP since start, by name
   * (`{ GetItem: 3, Query: 2 }`), unsupported ones and the parts of transactions included;
   * summed over every client, or only those signing with `options.accessKeyId`. Assert with it
   * that an application stays inside its IAM policy. The emulator's own work (sweeps, admin
   * API) is not counted.
   */
  operations(options: { accessKeyId?: string } = {}): OperationCounts {
    return this.operationsReport(options).operations
  }

  /** What `GET /_emulator/health` reports. */
  health(): HealthStatus {
    return {
      status: 'ok',
      state: this.state,
      endpoint: this.endpoint,
      region: this.region,
      tables: [...this.tables],
      clock: clockStatus(this.clock),
      ttl: { ...this.#options.ttl },
      namespaces: this.#namespaces.list().length,
      lastSweepError: this.#lastSweepError,
    }
  }

  /** @internal What the admin API's operations routes report. */
  operationsReport(filter: { accessKeyId?: string; namespace?: Namespace } = {}): OperationsReport {
    const { accessKeyId, namespace } = filter
    const inNamespace = (key: string) =>
      namespace === undefined ||
      (namespace.accessKeyId === undefined
        ? namespaceIdOf(key) === undefined
        : namespaceIdOf(key) === namespace.id)
    return {
      operations: this.#operationLog.counts(
        (key) => inNamespace(key) && (accessKeyId === undefined || key === accessKeyId),
      ),
      dropped: this.#operationLog.dropped(),
    }
  }

  /** @internal The admin API's view of this emulator. */
  administered(): AdministeredEmulator {
    return {
      health: () => this.health(),
      defaultNamespace: this.#namespaces.default,
      namespace: (id) => this.#namespaces.get(id),
      namespaces: () => this.#namespaces.list(),
      createNamespace: (options) => {
        this.#lifecycle.assertRunning('create a namespace')
        return this.#namespaces.create(options)
      },
      deleteNamespace: (id) => this.#namespaces.delete(id),
      operationsReport: (filter) => this.operationsReport(filter),
      createAuthjsTable: (namespace, options) => this.#createAuthjsTable(namespace, options),
      // peers (issue 11)
      operationsByPrincipal: (namespace) =>
        this.#operationLog.byPrincipal((key) =>
          namespace.accessKeyId === undefined
            ? namespaceIdOf(key) === undefined
            : namespaceIdOf(key) === namespace.id,
        ),
    }
  }

  /** Stops the server and closes every store. Safe to call more than once. */
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
    await this.#namespaces.closeAll()
    this.#lock?.release()
    this.#lifecycle.moveTo('stopped')
  }

  #createAuthjsTable(namespace: Namespace, options: AuthjsTableOptions = {}) {
    const prefix = options.tableName ?? 'next-auth'
    const tableName = `${prefix}-${randomBytes(6).toString('hex')}`
    return namespace.createTable(authjsTable({ ...options, tableName }))
  }

  #handle(namespace: Namespace): EmulatorNamespace {
    const dispose = async () => {
      if (namespace.accessKeyId === undefined) {
        throw new EmulatorError(
          'INVALID_STATE',
          'The default namespace cannot be disposed of; call reset() to empty it',
        )
      }
      await this.#namespaces.delete(namespace.id)
    }
    return {
      id: namespace.id,
      credentials: {
        accessKeyId: namespace.accessKeyId ?? this.credentials.accessKeyId,
        secretAccessKey: this.credentials.secretAccessKey,
      },
      clock: namespace.clock,
      sweep: (options) => namespace.sweep(options),
      reset: () => namespace.reset(),
      listTables: () => namespace.listTables(),
      createTable: (definition) => namespace.createTable(definition),
      createAuthjsTable: (options) => this.#createAuthjsTable(namespace, options),
      deleteTable: (tableName) => namespace.deleteTable(tableName),
      items: (tableName, format) => namespace.items(tableName, format),
      dispose,
      [Symbol.asyncDispose]: dispose,
      // peers (issue 11)
      ...peerFeaturesOf(namespace),
    }
  }

  #startSweeping(): void {
    if (this.#options.ttl.mode === 'manual') return
    this.#sweepTimer = setInterval(() => {
      if (this.state !== 'running') return
      for (const namespace of [this.#namespaces.default, ...this.#namespaces.list()]) {
        // A namespace still sweeping skips this tick: sweeps never pile up behind a slow one.
        if (this.#sweeping.has(namespace.id)) continue
        this.#sweeping.add(namespace.id)
        namespace
          .sweep()
          .then(
            () => {
              this.#lastSweepError = null
            },
            (error: unknown) => {
              this.#lastSweepError = error instanceof Error ? error.message : String(error)
            },
          )
          .finally(() => this.#sweeping.delete(namespace.id))
      }
    }, this.#options.ttl.intervalMs)
    this.#sweepTimer.unref()
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
 * `LISTEN_FAILED`, `PERSIST_LOCKED`, or `TABLE_SETUP_FAILED` naming the table
 */
export function startEmulator(options?: EmulatorOptions): Promise<Emulator> {
  return Emulator.start(options)
}

function requireEmulator(emulator: Emulator | undefined): Emulator {
  if (!emulator) throw new EmulatorError('INVALID_STATE', 'The emulator is still starting')
  return emulator
}

async function loadAdminHandler(emulator: () => Emulator): Promise<RequestListener> {
  const { createAdminApp } = await import('../admin/admin-app.js')
  return createAdminApp(() => emulator().administered())
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
