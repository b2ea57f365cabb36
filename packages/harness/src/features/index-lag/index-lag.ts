import type {
  DynaliteStoreState,
  NodeCallback,
  StoredItem,
  StoredTable,
} from '../../engine/dynalite-internals.js'
import { EmulatorError } from '../../errors/emulator-error.js'
import type { IndexLagOption, IndexLagStatus } from './index-lag-types.js'

export type { IndexLagOption, IndexLagStatus }

/** One write's index changes, waiting to show. */
interface PendingIndexWrite {
  readonly dueAt: number
  readonly tableName: string
  /** The table's creation time: a table deleted and made again never gets the old one's writes. */
  readonly createdAt: unknown
  readonly deletes: Array<{ index: string; key: string }>
  readonly puts: Array<{ index: string; key: string; item: StoredItem }>
}

// The longest lag a table can have: long enough for any test, short enough that a typo in
// seconds-for-milliseconds is caught.
export const maxIndexLagMs = 600_000

const lagOfStore = new WeakMap<object, IndexLag>()

/**
 * Eventually consistent global secondary indexes for one namespace (opt-in, per table). A write
 * to a table with a lag changes the table at once and its global indexes `lagMs` later (real
 * time, not the namespace's clock): until then, Query and Scan on an index see the old entry
 * (or none). Writes show in the order they were made. Local secondary indexes stay
 * immediate, as they can be read strongly consistent.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Writes
 */
export class IndexLag {
  readonly #store: DynaliteStoreState
  readonly #configured: IndexLagOption
  readonly #runShared: <T>(work: () => Promise<T>) => Promise<T>
  #defaultMs = 0
  #tables = new Map<string, number>()
  #pending: PendingIndexWrite[] = []
  #timer: NodeJS.Timeout | undefined
  #closed = false

  /**
   * @param store - the namespace's store, as dynalite's actions receive it
   * @param configured - the lag the namespace was made with (restored by `reset`)
   * @param runShared - runs work under the namespace's lock, shared, so a snapshot or a
   *   truncate (which hold it alone) never sees half of a write's index changes
   * @throws {@link EmulatorError} `INVALID_OPTIONS` for a bad `configured`
   */
  constructor(
    store: DynaliteStoreState,
    configured: IndexLagOption | undefined,
    runShared: <T>(work: () => Promise<T>) => Promise<T>,
  ) {
    this.#store = store
    this.#configured = configured ?? 0
    this.#runShared = runShared
    this.#configure(this.#configured)
    lagOfStore.set(store, this)
  }

  /** The lag of a store's namespace, for the `updateIndexes` override. */
  static of(store: object): IndexLag | undefined {
    return lagOfStore.get(store) ?? lagOfStore.get(Object.getPrototypeOf(store) as object)
  }

  /** The lag of one table, in ms. */
  lagFor(tableName: string): number {
    return this.#tables.get(tableName) ?? this.#defaultMs
  }

  /**
   * Sets the lag of one table, or (without `tableName`) of every table not set on its own. Index
   * writes already waiting keep their time, unless the lag becomes 0: they show at once.
   * @param lagMs - 0 to 600,000
   * @throws {@link EmulatorError} `INVALID_OPTIONS` for a lag out of range
   */
  async set(lagMs: number, options: { tableName?: string | undefined } = {}): Promise<void> {
    checkLag(lagMs, options.tableName ?? 'indexLag')
    if (options.tableName === undefined) {
      this.#defaultMs = lagMs
      this.#tables.clear()
    } else if (lagMs === this.#defaultMs) this.#tables.delete(options.tableName)
    else this.#tables.set(options.tableName, lagMs)
    if (lagMs === 0) await this.flush(options.tableName)
  }

  /** The lag settings and how many index writes wait. */
  status(): IndexLagStatus {
    return {
      defaultMs: this.#defaultMs,
      tables: Object.fromEntries(this.#tables),
      pending: this.#pending.length,
    }
  }

  /** Whether index writes of a table wait to show. */
  hasPending(tableName: string): boolean {
    return this.#pending.some((write) => write.tableName === tableName)
  }

  /** Queues one write's global index changes to show after the table's lag. */
  defer(table: StoredTable, write: Pick<PendingIndexWrite, 'deletes' | 'puts'>): void {
    if (write.deletes.length === 0 && write.puts.length === 0) return
    const last = this.#pending.at(-1)?.dueAt ?? 0
    // Never before an earlier write: a later lag setting must not reorder one item's changes.
    const dueAt = Math.max(Date.now() + this.lagFor(table.TableName), last)
    this.#pending.push({
      dueAt,
      tableName: table.TableName,
      createdAt: table.CreationDateTime,
      deletes: structuredClone(write.deletes),
      puts: structuredClone(write.puts),
    })
    this.#arm()
  }

  /**
   * Shows every waiting index write now (of one table, or all), in order.
   * @returns how many writes were applied
   */
  flush(tableName?: string): Promise<number> {
    return this.#runShared(() =>
      this.#apply((write) => tableName === undefined || write.tableName === tableName),
    )
  }

  /**
   * Drops the waiting index writes of a table (or all): for a truncate or restore that rewrites
   * its indexes. The caller holds the namespace's lock.
   */
  discard(tableName?: string): void {
    this.#pending = this.#pending.filter(
      (write) => tableName !== undefined && write.tableName !== tableName,
    )
  }

  /** Back to the lag the namespace was made with, nothing waiting. */
  reset(): void {
    this.discard()
    this.#configure(this.#configured)
  }

  /** Stops the timer and drops what waits; the store is closing. */
  close(): void {
    this.#closed = true
    clearTimeout(this.#timer)
    this.#pending = []
  }

  #configure(option: IndexLagOption): void {
    const checked = checkIndexLagOption(option)
    this.#tables.clear()
    if (typeof checked === 'number') {
      this.#defaultMs = checked
      return
    }
    this.#defaultMs = 0
    for (const [tableName, lagMs] of Object.entries(checked)) {
      if (lagMs > 0) this.#tables.set(tableName, lagMs)
    }
  }

  #arm(): void {
    if (this.#timer || this.#closed) return
    const next = this.#pending[0]
    if (!next) return
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined
        const now = Date.now()
        this.#runShared(() => this.#apply((write) => write.dueAt <= now, now))
          .catch(() => undefined)
          .finally(() => this.#arm())
      },
      Math.max(0, next.dueAt - Date.now()),
    )
    this.#timer.unref()
  }

  /** Applies, in order, the waiting writes `selected` picks (only those due, when `dueBy` is given). */
  async #apply(selected: (write: PendingIndexWrite) => boolean, dueBy?: number): Promise<number> {
    const now: PendingIndexWrite[] = []
    const later: PendingIndexWrite[] = []
    for (const write of this.#pending) {
      const due = dueBy === undefined || write.dueAt <= dueBy
      ;(due && selected(write) ? now : later).push(write)
    }
    this.#pending = later
    for (const write of now) {
      if (this.#closed) break
      const table = await getTable(this.#store, write.tableName)
      if (!table || table.CreationDateTime !== write.createdAt) continue
      await Promise.all(
        write.deletes.map((action) =>
          call((done) =>
            this.#store.getIndexDb('global', write.tableName, action.index).del(action.key, done),
          ),
        ),
      )
      await Promise.all(
        write.puts.map((action) =>
          call((done) =>
            this.#store
              .getIndexDb('global', write.tableName, action.index)
              .put(action.key, action.item, done),
          ),
        ),
      )
    }
    return now.length
  }
}

/**
 * Checks an `indexLag` option.
 * @throws {@link EmulatorError} `INVALID_OPTIONS` saying what to send instead
 */
export function checkIndexLagOption(option: unknown): IndexLagOption {
  if (typeof option === 'number') {
    checkLag(option, 'indexLag')
    return option
  }
  if (option === null || typeof option !== 'object' || Array.isArray(option)) {
    throw new EmulatorError(
      'INVALID_OPTIONS',
      `indexLag must be a number of milliseconds for every table, or { "<table name>": <milliseconds> }, got ${JSON.stringify(option)}`,
    )
  }
  for (const [tableName, lagMs] of Object.entries(option)) checkLag(lagMs, `indexLag.${tableName}`)
  return option as Record<string, number>
}

function checkLag(lagMs: unknown, field: string): asserts lagMs is number {
  if (typeof lagMs !== 'number' || !Number.isInteger(lagMs) || lagMs < 0 || lagMs > maxIndexLagMs) {
    throw new EmulatorError(
      'INVALID_OPTIONS',
      `${field} must be a whole number of milliseconds from 0 to ${maxIndexLagMs}, got ${JSON.stringify(lagMs)}`,
    )
  }
}

function getTable(store: DynaliteStoreState, tableName: string): Promise<StoredTable | undefined> {
  return new Promise((resolve) => {
    store.getTable(tableName, false, (error, table) => resolve(error ? undefined : table))
  })
}

function call(work: (done: NodeCallback) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    work((error) => (error ? reject(error) : resolve()))
  })
}
