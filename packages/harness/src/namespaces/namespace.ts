import type { EmulatorClock } from '../clock/emulator-clock.js'
import { ReadWriteLock } from '../concurrency/read-write-lock.js'
import type { OperationRouter } from '../dispatch/operation-router.js'
import type { DynaliteEngine } from '../engine/dynalite-engine.js'
import type { EngineResponse } from '../engine/engine-response.js'
import { EmulatorError } from '../errors/emulator-error.js'
import type { OperationCall } from '../features/feature-module.js'
import type { TableDefinition } from '../tables/table-definition.js'
import type { ItemFormat, TableItems } from '../tables/table-items.js'
import { createTable, deleteTable, listTables } from '../tables/table-operations.js'
import { ExpiryIndex } from '../ttl/expiry-index.js'
import type { TtlRegistry } from '../ttl/ttl-registry.js'
import { type SweepResult, sweepBounds, sweepExpiredItems } from '../ttl/ttl-sweeper.js'

/** Runs an operation in a namespace under a lock its caller already holds. */
export type RunOperation = (
  operation: string,
  payload: Record<string, unknown>,
) => Promise<EngineResponse>

/** What a namespace is made of. */
export interface NamespaceParts {
  id: string
  /** The access key whose requests land here; undefined for the default namespace. */
  accessKeyId: string | undefined
  clock: EmulatorClock
  engine: DynaliteEngine
  ttl: TtlRegistry
  /** Tables created when the namespace is made and again on reset. */
  definitions: readonly TableDefinition[]
  router: OperationRouter
  /** How long an expired item stays readable before a sweep deletes it. */
  ttlLagMs: number
}

/** The principal recorded for the emulator's own requests. */
export const internalPrincipal = '(internal)'

/**
 * The unit of isolation: one store with its own tables, clock, TTL settings and seed tables.
 * The default namespace holds the tables created at start; each test file gets one of its own,
 * reached with its own access key, so nothing one file does (writes, time travel, sweeps,
 * resets) is seen by another.
 */
export class Namespace {
  readonly id: string
  readonly accessKeyId: string | undefined
  readonly clock: EmulatorClock
  readonly engine: DynaliteEngine
  readonly ttl: TtlRegistry
  readonly definitions: readonly TableDefinition[]
  /** When the items of the namespace's TTL tables expire, kept by every write. */
  readonly expiries: ExpiryIndex
  readonly #router: OperationRouter
  readonly #lock = new ReadWriteLock()
  readonly #ttlLagMs: number
  #sweeps: Promise<unknown> = Promise.resolve()
  #closed = false

  constructor(parts: NamespaceParts) {
    this.id = parts.id
    this.accessKeyId = parts.accessKeyId
    this.clock = parts.clock
    this.engine = parts.engine
    this.ttl = parts.ttl
    this.expiries = new ExpiryIndex(parts.engine, parts.ttl)
    this.definitions = parts.definitions
    this.#router = parts.router
    this.#ttlLagMs = parts.ttlLagMs
  }

  /** Answers one DynamoDB request, holding the namespace's lock as the operation needs. */
  request(
    operation: string,
    payload: Record<string, unknown>,
    principal: string = internalPrincipal,
    recordOperation: (operation: string) => void = () => {},
  ): Promise<EngineResponse> {
    const work = () =>
      this.#router.route(this.#call(operation, payload, principal, recordOperation))
    return this.#router.lockMode(operation) === 'exclusive'
      ? this.#lock.exclusive(work)
      : this.#lock.shared(work)
  }

  /** Runs `work` holding the namespace alone: no request runs until it is done. */
  exclusive<T>(work: (run: RunOperation) => Promise<T>): Promise<T> {
    return this.#lock.exclusive(() => work(this.#runUnlocked))
  }

  /** Runs `work` sharing the namespace with single-item requests. */
  shared<T>(work: (run: RunOperation) => Promise<T>): Promise<T> {
    return this.#lock.shared(() => work(this.#runUnlocked))
  }

  /** Creates the namespace's seed tables; with `ifMissing`, tables that exist stay as they are. */
  async createSeedTables({ ifMissing = false }: { ifMissing?: boolean } = {}): Promise<void> {
    await this.shared(async (run) => {
      for (const definition of this.definitions) {
        await createTable(run, this.ttl, definition, { ifMissing })
      }
    })
  }

  /** Creates a table (ACTIVE when this resolves). */
  createTable(definition: TableDefinition): Promise<{ tableName: string }> {
    return this.shared(async (run) => {
      await createTable(run, this.ttl, definition)
      return { tableName: definition.TableName }
    })
  }

  /** Deletes a table (gone when this resolves); a missing table is not an error. */
  deleteTable(tableName: string): Promise<void> {
    return this.shared((run) => deleteTable(run, this.ttl, tableName))
  }

  /** Names of every table in the namespace. */
  listTables(): Promise<string[]> {
    return this.shared((run) => listTables(run))
  }

  /**
   * Every item of a table.
   * @throws {@link EmulatorError} `TABLE_NOT_FOUND` for a missing table
   */
  async items(tableName: string, format: ItemFormat = 'plain'): Promise<TableItems> {
    await this.requireTable(tableName)
    // Loaded on first use: the AWS SDK's unmarshalling is not needed to serve DynamoDB.
    const { readTableItems } = await import('../tables/table-items.js')
    return this.shared((run) => readTableItems(run, tableName, format))
  }

  /**
   * Deletes expired items now, in every table of the namespace with TTL enabled or only in
   * `tableName`. Sweeps of one namespace never overlap: a sweep asked for while one runs starts
   * when it ends, on the clock's time then.
   * @throws {@link EmulatorError} `TABLE_NOT_FOUND` for an unknown `tableName`
   */
  async sweep(options: { tableName?: string } = {}): Promise<SweepResult> {
    if (options.tableName !== undefined) await this.requireTable(options.tableName)
    const run = this.#sweeps.then(() => {
      // Nothing expired (the common case, every second of an idle emulator): no lock, no read.
      const { thresholdSeconds, oldestSeconds } = sweepBounds(
        this.clock.now().getTime(),
        this.#ttlLagMs,
      )
      if (!this.expiries.mayHaveExpired(thresholdSeconds, oldestSeconds, options.tableName)) {
        return { deleted: 0 }
      }
      return this.shared((runOperation) =>
        sweepExpiredItems(
          runOperation,
          this.ttl,
          this.expiries,
          this.engine.store,
          this.clock.now().getTime(),
          this.#ttlLagMs,
          options.tableName,
        ),
      )
    })
    this.#sweeps = run.catch(() => undefined)
    return run
  }

  /** Deletes every table of the namespace and creates its seed tables again, empty. */
  reset(): Promise<void> {
    return this.exclusive(async (run) => {
      for (const tableName of await listTables(run)) await deleteTable(run, this.ttl, tableName)
      this.ttl.clear()
      for (const definition of this.definitions) await createTable(run, this.ttl, definition)
    })
  }

  /**
   * Throws unless the table exists.
   * @throws {@link EmulatorError} `TABLE_NOT_FOUND` naming the tables there are
   */
  async requireTable(tableName: string): Promise<void> {
    const tables = await this.listTables()
    if (!tables.includes(tableName)) {
      throw new EmulatorError(
        'TABLE_NOT_FOUND',
        `No table named ${tableName}${this.accessKeyId ? ` in namespace ${this.id}` : ''}. Tables: ${tables.length > 0 ? tables.join(', ') : '(none)'}`,
      )
    }
  }

  /** Waits for running work and closes the store. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#sweeps
    await this.#lock.exclusive(() => this.engine.close())
  }

  readonly #runUnlocked: RunOperation = (operation, payload) =>
    this.#router.route(this.#call(operation, payload, internalPrincipal, () => {}))

  #call(
    operation: string,
    payload: Record<string, unknown>,
    principal: string,
    recordOperation: (operation: string) => void,
  ): OperationCall {
    return {
      operation,
      payload,
      namespace: this,
      principal,
      recordOperation,
      run: (nestedOperation, nestedPayload) =>
        this.#router.route(this.#call(nestedOperation, nestedPayload, principal, () => {})),
    }
  }
}
