import { createRequire } from 'node:module'
import type { DynaliteEngine } from '../engine/dynalite-engine.js'
import {
  type DynaliteStoreState,
  dynaliteDb,
  type StoredItem,
  type StoredTable,
} from '../engine/dynalite-internals.js'
import type { TtlRegistry } from './ttl-registry.js'

// sorted-btree is CommonJS with its class as `exports.default`, which ESM default imports see
// differently in Node and in vite: require it as Node does in both.
const { default: BTree } = createRequire(import.meta.url)(
  'sorted-btree',
) as typeof import('sorted-btree')

/** An item in the index: its TTL value as a double, and dynalite's internal key of the item. */
type Entry = readonly [expiry: number, key: string]

const compareEntries = (a: Entry, b: Entry): number =>
  a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)

/** The expiries of one table with TTL enabled. */
class TableExpiries {
  readonly attributeName: string
  readonly #byKey = new Map<string, number>()
  readonly #byExpiry = new BTree<Entry, undefined>(undefined, compareEntries)
  /** Keys written while the first scan runs: what the scan read of them is older. */
  #writtenDuringBuild: Set<string> | undefined
  #built: Promise<void> | undefined
  /** Whether the first scan is done. */
  isBuilt = false

  constructor(attributeName: string) {
    this.attributeName = attributeName
  }

  get size(): number {
    return this.#byKey.size
  }

  /** Records what a write left: `item` undefined for a delete. */
  write(key: string, item: StoredItem | undefined): void {
    this.#writtenDuringBuild?.add(key)
    this.#set(key, item)
  }

  /**
   * Resolves once the table's items written before TTL was enabled (or before the emulator
   * opened a persisted store) are indexed; the scan runs once.
   */
  built(engine: DynaliteEngine, tableName: string): Promise<void> {
    this.#built ??= this.#build(engine.store, tableName).then(
      () => {
        this.isBuilt = true
      },
      (error: unknown) => {
        // The next sweep tries again.
        this.#built = undefined
        throw error
      },
    )
    return this.#built
  }

  /**
   * Keys of items whose TTL value is at or before `thresholdSeconds` and not before
   * `oldestSeconds`, oldest first: a superset of what the exact comparison allows, since a
   * Number's double rounds monotonically (the sweep's conditional delete compares exactly).
   */
  expiredKeys(thresholdSeconds: number, oldestSeconds: number): string[] {
    const keys: string[] = []
    for (const [entry] of this.#byExpiry.entries([oldestSeconds, ''])) {
      if (entry[0] > thresholdSeconds) break
      keys.push(entry[1])
    }
    return keys
  }

  /** Whether any item is in `[oldestSeconds, thresholdSeconds]` (see {@link expiredKeys}). */
  hasExpired(thresholdSeconds: number, oldestSeconds: number): boolean {
    const first = this.#byExpiry.getPairOrNextHigher([oldestSeconds, ''])
    return first !== undefined && first[0][0] <= thresholdSeconds
  }

  #set(key: string, item: StoredItem | undefined): void {
    const previous = this.#byKey.get(key)
    const expiry = item === undefined ? undefined : expiryOf(item, this.attributeName)
    if (previous === expiry) return
    if (previous !== undefined) {
      this.#byExpiry.delete([previous, key])
      this.#byKey.delete(key)
    }
    if (expiry !== undefined) {
      this.#byExpiry.set([expiry, key], undefined)
      this.#byKey.set(key, expiry)
    }
  }

  async #build(store: DynaliteStoreState, tableName: string): Promise<void> {
    const table = await new Promise<StoredTable | undefined>((resolve, reject) =>
      store.getTable(tableName, false, (error, found) => {
        if (error?.name === 'NotFoundError' || (error && error.statusCode === 400)) {
          resolve(undefined)
        } else if (error) reject(error)
        else resolve(found)
      }),
    )
    if (!table) return
    this.#writtenDuringBuild = new Set()
    try {
      const items = store.getItemDb(tableName).createValueStream() as AsyncIterable<StoredItem>
      for await (const item of items) {
        const key = dynaliteDb.createKey(item, table)
        if (!this.#writtenDuringBuild.has(key)) this.#set(key, item)
      }
    } finally {
      this.#writtenDuringBuild = undefined
    }
  }
}

/**
 * Which items of a namespace's TTL tables expire when, kept up to date by every item write
 * through its store (every action, BatchWriteItem, transactions, restores) and by the TTL
 * registry (enable, disable, DeleteTable, reset), so that a sweep costs what expires, not what
 * the tables hold. A table's items from before its TTL was enabled, or from a persisted store,
 * are read once, when that happens.
 */
export class ExpiryIndex {
  readonly #engine: DynaliteEngine
  readonly #tables = new Map<string, TableExpiries>()

  constructor(engine: DynaliteEngine, registry: TtlRegistry) {
    this.#engine = engine
    engine.onItemWrite((tableName, key, item) => this.#tables.get(tableName)?.write(key, item))
    for (const [tableName, attributeName] of registry.entries())
      this.#track(tableName, attributeName)
    registry.onChange((tableName, attributeName) => {
      if (attributeName === undefined) this.#tables.delete(tableName)
      else this.#track(tableName, attributeName)
    })
  }

  /** Indexes a table from now on, and reads what it already holds in the background. */
  #track(tableName: string, attributeName: string): void {
    const table = new TableExpiries(attributeName)
    this.#tables.set(tableName, table)
    // A failed scan (the store closing) is tried again by the next sweep, which reports it.
    table.built(this.#engine, tableName).catch(() => undefined)
  }

  /** How many items of `tableName` carry a Number TTL value (0 for a table without TTL). */
  size(tableName: string): number {
    return this.#tables.get(tableName)?.size ?? 0
  }

  /**
   * Whether a sweep at these bounds may delete anything (true while a table's first scan is
   * still due, since what it holds is not known yet).
   */
  mayHaveExpired(thresholdSeconds: number, oldestSeconds: number, onlyTable?: string): boolean {
    for (const [tableName, table] of this.#tables) {
      if (onlyTable !== undefined && tableName !== onlyTable) continue
      if (!table.isBuilt || table.hasExpired(thresholdSeconds, oldestSeconds)) return true
    }
    return false
  }

  /**
   * Internal keys of `tableName`'s items with a TTL value in `[oldestSeconds,
   * thresholdSeconds]`, after its first scan; empty for a table without TTL.
   */
  async expiredKeys(
    tableName: string,
    thresholdSeconds: number,
    oldestSeconds: number,
  ): Promise<string[]> {
    const table = this.#tables.get(tableName)
    if (!table) return []
    await table.built(this.#engine, tableName)
    // TTL may have been disabled (or the table deleted) during the scan.
    if (this.#tables.get(tableName) !== table) return []
    return table.expiredKeys(thresholdSeconds, oldestSeconds)
  }
}

/** The TTL value of an item as a double, or undefined unless it is a Number. */
function expiryOf(item: StoredItem, attributeName: string): number | undefined {
  const value = item[attributeName]?.N
  if (typeof value !== 'string') return undefined
  const expiry = Number(value)
  return Number.isNaN(expiry) ? undefined : expiry
}
