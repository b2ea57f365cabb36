import type { EmulatorClock } from '../clock/emulator-clock.js'
import { ReadWriteLock } from '../concurrency/read-write-lock.js'
import type { OperationRouter } from '../dispatch/operation-router.js'
import type { DynaliteEngine } from '../engine/dynalite-engine.js'
import type { EngineResponse } from '../engine/engine-response.js'
import { EmulatorError } from '../errors/emulator-error.js'
// peers (issue 11): faults, index lag, seed data, snapshots
import { FaultRuleSet } from '../features/faults/fault-rule-set.js'
import type { OperationCall } from '../features/feature-module.js'
import { IndexLag, type IndexLagOption } from '../features/index-lag/index-lag.js'
import { loadSeed } from '../seed/load-seed.js'
import type { SeedEntry } from '../seed/seed-data.js'
import {
  clearRawTable,
  hasRawTable,
  rawTableNames,
  readRawTable,
  writeRawTable,
} from '../snapshot/raw-table-data.js'
import { type SnapshotInfo, SnapshotStore, type SnapshotTable } from '../snapshot/snapshot-store.js'
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
  // peers (issue 11)
  /** Items loaded when the namespace is made and again on reset. */
  seed?: readonly SeedEntry[]
  /** How long global index writes take to show, per table. @defaultValue 0 */
  indexLag?: IndexLagOption
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
    // peers (issue 11)
    this.#seed = parts.seed ?? []
    this.indexLag = new IndexLag(parts.engine.store, parts.indexLag, (work) => this.shared(work))
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

  /**
   * Creates the namespace's seed tables and loads its seed items; with `ifMissing`, tables that
   * exist stay as they are, and seed items go only into tables that are empty.
   */
  async createSeedTables({ ifMissing = false }: { ifMissing?: boolean } = {}): Promise<void> {
    await this.shared(async (run) => {
      for (const definition of this.definitions) {
        await createTable(run, this.ttl, definition, { ifMissing })
      }
      // peers (issue 11)
      await loadSeed(run, ifMissing ? await this.#entriesForEmptyTables(run) : this.#seed)
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

  /**
   * Deletes every table of the namespace and creates its seed tables again, with their seed
   * items; clears its fault rules and puts its index lag back as the namespace was made.
   */
  reset(): Promise<void> {
    return this.exclusive(async (run) => {
      // peers (issue 11)
      this.faults.clear()
      this.indexLag.reset()
      for (const tableName of await listTables(run)) await deleteTable(run, this.ttl, tableName)
      this.ttl.clear()
      for (const definition of this.definitions) await createTable(run, this.ttl, definition)
      // peers (issue 11)
      await loadSeed(run, this.#seed)
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
    this.indexLag.close() // peers (issue 11)
    await this.#sweeps
    await this.#lock.exclusive(() => this.engine.close())
  }

  // ---- peers (issue 11): fault rules, index lag, seed data, snapshots and truncate ----

  /** The namespace's fault rules: they act on its client requests only; reset clears them. */
  readonly faults = new FaultRuleSet()
  /** How long global index writes take to show in this namespace, per table. */
  readonly indexLag: IndexLag
  readonly #snapshots = new SnapshotStore()
  readonly #seed: readonly SeedEntry[]

  /**
   * Loads items now, as PutItems, in order.
   * @returns how many were written
   * @throws {@link EmulatorError} `INVALID_OPTIONS` naming the seed, table, item and attribute
   */
  seedItems(entries: readonly SeedEntry[]): Promise<number> {
    return this.shared((run) => loadSeed(run, entries))
  }

  /**
   * Copies the items (and indexes, tags, TTL setting) of one table, or of every table of the
   * namespace, holding the namespace alone.
   * @throws {@link EmulatorError} `TABLE_NOT_FOUND` for an unknown `tableName`, `INVALID_STATE`
   *   past 20 snapshots
   */
  async snapshot(options: { tableName?: string | undefined } = {}): Promise<SnapshotInfo> {
    const { tableName } = options
    const info = await this.exclusive(async () => {
      const names = await rawTableNames(this.engine.store)
      if (tableName !== undefined && !names.includes(tableName)) return undefined
      const tables: SnapshotTable[] = []
      for (const name of tableName === undefined ? names : [tableName]) {
        const data = await readRawTable(this.engine.store, name, {
          rebuildIndexes: this.indexLag.hasPending(name),
        })
        if (data) tables.push({ data, ttlAttribute: this.ttl.attributeOf(name) })
      }
      return this.#snapshots.add(tables, tableName)
    })
    if (info) return info
    await this.requireTable(tableName as string)
    throw new EmulatorError('TABLE_NOT_FOUND', `No table named ${tableName}`)
  }

  /**
   * Puts the namespace (or the one table of a table snapshot) back as the snapshot holds it:
   * its tables with their items, indexes, tags and TTL settings; a namespace snapshot also
   * deletes tables made since. Item-write listeners are told of every item deleted and written.
   * @throws {@link EmulatorError} `INVALID_STATE` for an unknown snapshot, `INVALID_OPTIONS` for
   *   anything but a snapshot or its id
   */
  async restore(snapshot: SnapshotInfo | string): Promise<void> {
    const id = typeof snapshot === 'string' ? snapshot : (snapshot as SnapshotInfo | null)?.id
    if (typeof id !== 'string') {
      throw new EmulatorError(
        'INVALID_OPTIONS',
        `restore(snapshot) needs what snapshot() returned or its id, got ${JSON.stringify(snapshot)}`,
      )
    }
    const stored = this.#snapshots.get(id)
    return this.exclusive(async (run) => {
      if (stored.info.tableName === undefined) {
        const kept = new Set(stored.info.tables)
        for (const name of await rawTableNames(this.engine.store)) {
          if (!kept.has(name)) await deleteTable(run, this.ttl, name)
        }
      }
      for (const table of stored.tables) {
        this.indexLag.discard(table.data.tableName)
        await writeRawTable(this.engine.store, table.data, (keys) =>
          this.engine.itemsDeleted(table.data.tableName, keys),
        )
        if (table.ttlAttribute === undefined) this.ttl.disable(table.data.tableName)
        else this.ttl.enable(table.data.tableName, table.ttlAttribute)
      }
    })
  }

  /**
   * Deletes every item of one table (or of every table), keeping the tables, their indexes'
   * definitions and TTL settings; fast enough to run before each test.
   * @throws {@link EmulatorError} `TABLE_NOT_FOUND` for an unknown `tableName`, `INVALID_OPTIONS`
   *   for a `tableName` that is not a non-empty string
   */
  async truncate(options: { tableName?: string | undefined } = {}): Promise<{ deleted: number }> {
    const { tableName } = options
    if (tableName !== undefined && (typeof tableName !== 'string' || tableName === '')) {
      throw new EmulatorError(
        'INVALID_OPTIONS',
        `truncate({ tableName }) needs a table's name, got ${JSON.stringify(tableName)}; leave tableName out to empty every table of the namespace`,
      )
    }
    const result = await this.exclusive(async () => {
      // Tables are read from the store's records, not with ListTables (see rawTableNames):
      // truncate runs before each test, and its cost is the point.
      if (tableName !== undefined && !(await hasRawTable(this.engine.store, tableName))) {
        return undefined
      }
      let deleted = 0
      const names = tableName === undefined ? await rawTableNames(this.engine.store) : [tableName]
      for (const name of names) {
        this.indexLag.discard(name)
        deleted += await clearRawTable(this.engine.store, name, (keys) =>
          this.engine.itemsDeleted(name, keys),
        )
      }
      return { deleted }
    })
    if (result) return result
    await this.requireTable(tableName as string)
    throw new EmulatorError('TABLE_NOT_FOUND', `No table named ${tableName}`)
  }

  /** The namespace's snapshots. */
  snapshots(): SnapshotInfo[] {
    return this.#snapshots.list()
  }

  /** Drops a snapshot; false when there is none of that id. */
  deleteSnapshot(id: string): boolean {
    return this.#snapshots.delete(id)
  }

  /** Seed items whose tables are empty (a persisted namespace keeps what it holds). */
  async #entriesForEmptyTables(run: RunOperation): Promise<SeedEntry[]> {
    const empty = new Map<string, boolean>()
    for (const tableName of new Set(this.#seed.map((entry) => entry.tableName))) {
      const page = await run('Scan', { TableName: tableName, Limit: 1 })
      empty.set(tableName, page.statusCode !== 200 || (page.body.Count as number) === 0)
    }
    return this.#seed.filter((entry) => empty.get(entry.tableName))
  }

  // ---- end of peers (issue 11) ----

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
