import type { DynaliteEngine } from '../../engine/dynalite-engine.js'
import {
  type DynaliteStoreState,
  dynaliteDb,
  type StoredItem,
  type StoredTable,
  type SubDb,
} from '../../engine/dynalite-internals.js'

/** Item count and size of a table or index, as DescribeTable reports them. */
export interface Statistics {
  itemCount: number
  sizeBytes: number
}

interface TableStatistics extends Statistics {
  indexes: Map<string, Statistics>
}

interface CacheEntry {
  tableId: unknown
  version: number
  statistics: TableStatistics
}

/**
 * `ItemCount`, `TableSizeBytes` and each index's `ItemCount` and `IndexSizeBytes`, current at
 * every DescribeTable, as DynamoDB Local reports them (the service refreshes them about every
 * six hours: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableDescription.html).
 * Sizes are dynalite's item sizes (attribute names plus values), which match Local's to the
 * byte. Counted by reading the table once and kept until an item of the table is written.
 */
export class TableStatisticsCache {
  readonly #store: DynaliteStoreState
  readonly #versions = new Map<string, number>()
  readonly #cache = new Map<string, CacheEntry>()

  constructor(engine: DynaliteEngine) {
    this.#store = engine.store
    engine.onItemWrite((tableName) => this.invalidate(tableName))
  }

  /** Forgets what was counted for a table (its items or indexes changed). */
  invalidate(tableName: string): void {
    this.#versions.set(tableName, (this.#versions.get(tableName) ?? 0) + 1)
    this.#cache.delete(tableName)
  }

  /** Copies the current counts into a table description (which is not stored). */
  async describe(table: StoredTable): Promise<void> {
    if (table.TableStatus !== 'ACTIVE' && table.TableStatus !== 'UPDATING') return
    const statistics = await this.#statistics(table)
    table.ItemCount = statistics.itemCount
    table.TableSizeBytes = statistics.sizeBytes
    for (const index of [
      ...(table.GlobalSecondaryIndexes ?? []),
      ...(table.LocalSecondaryIndexes ?? []),
    ]) {
      const counted = statistics.indexes.get(index.IndexName)
      if (!counted || index.IndexStatus === 'CREATING' || index.IndexStatus === 'DELETING') continue
      index.ItemCount = counted.itemCount
      index.IndexSizeBytes = counted.sizeBytes
    }
  }

  async #statistics(table: StoredTable): Promise<TableStatistics> {
    const name = table.TableName
    const cached = this.#cache.get(name)
    const version = this.#versions.get(name) ?? 0
    if (cached && cached.tableId === table.TableId && cached.version === version) {
      return cached.statistics
    }
    const statistics: TableStatistics = {
      ...(await measure(this.#store.getItemDb(name))),
      indexes: new Map(),
    }
    for (const [type, indexes] of [
      ['global', table.GlobalSecondaryIndexes],
      ['local', table.LocalSecondaryIndexes],
    ] as const) {
      for (const index of indexes ?? []) {
        const db = this.#store.getIndexDb(type, name, index.IndexName)
        statistics.indexes.set(index.IndexName, await measure(db))
      }
    }
    // A write while counting makes the counts stale: they are used once and not kept.
    if ((this.#versions.get(name) ?? 0) === version) {
      this.#cache.set(name, { tableId: table.TableId, version, statistics })
    }
    return statistics
  }
}

async function measure(db: SubDb): Promise<Statistics> {
  let itemCount = 0
  let sizeBytes = 0
  for await (const item of db.createValueStream() as AsyncIterable<StoredItem>) {
    itemCount++
    sizeBytes += dynaliteDb.itemSize(item)
  }
  return { itemCount, sizeBytes }
}

const caches = new WeakMap<DynaliteEngine, TableStatisticsCache>()

/** The statistics cache of one namespace's store. */
export function tableStatistics(engine: DynaliteEngine): TableStatisticsCache {
  let cache = caches.get(engine)
  if (!cache) {
    cache = new TableStatisticsCache(engine)
    caches.set(engine, cache)
  }
  return cache
}
