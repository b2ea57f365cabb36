import {
  dynaliteDb,
  type StoredIndex,
  type StoredItem,
  type StoredTable,
} from '../../engine/dynalite-internals.js'

type IndexUnits = Map<string, number>

interface TableUnits {
  table: number
  local: IndexUnits
  global: IndexUnits
}

/**
 * The capacity a transaction consumed, by table, as `ReturnConsumedCapacity` reports it.
 * Transactional requests cost twice the standard ones: a write 2 units per KB of the larger of
 * the old and new item (each index entry written or removed likewise), a read 2 units per 4 KB
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-capacity-handling).
 * Units of several items of a table add up, as on the service; DynamoDB Local 3.3.0 reports
 * fewer (three 1 KB Puts as 2 units).
 */
export class TransactionCapacity {
  readonly #tables = new Map<string, TableUnits>()

  /** A Put, Update or Delete that changed `oldItem` into `newItem` (undefined: none). */
  addWrite(table: StoredTable, oldItem: StoredItem | undefined, newItem: StoredItem | undefined) {
    const units = this.#units(table.TableName)
    units.table += 2 * Math.max(writeUnits(oldItem), writeUnits(newItem))
    for (const [indexes, byIndex] of [
      [table.LocalSecondaryIndexes, units.local],
      [table.GlobalSecondaryIndexes, units.global],
    ] as const) {
      for (const index of indexes ?? []) {
        const entries = indexEntries(index, table, oldItem, newItem)
        if (entries > 0) byIndex.set(index.IndexName, (byIndex.get(index.IndexName) ?? 0) + entries)
      }
    }
  }

  /** A ConditionCheck or Get of `item` (undefined: no item). */
  addRead(tableName: string, item: StoredItem | undefined) {
    this.#units(tableName).table += 2 * (item ? Math.ceil(dynaliteDb.itemSize(item) / 4096) : 1)
  }

  /** `ConsumedCapacity` for `mode` (`TOTAL` or `INDEXES`), or undefined for `NONE`/absent. */
  report(mode: unknown): Array<Record<string, unknown>> | undefined {
    if (mode !== 'TOTAL' && mode !== 'INDEXES') return undefined
    return [...this.#tables].map(([tableName, units]) => {
      const indexTotal = (byIndex: IndexUnits) => [...byIndex.values()].reduce((a, b) => a + b, 0)
      const entry: Record<string, unknown> = {
        TableName: tableName,
        CapacityUnits: units.table + indexTotal(units.local) + indexTotal(units.global),
      }
      if (mode === 'INDEXES') {
        entry.Table = { CapacityUnits: units.table }
        if (units.local.size > 0) entry.LocalSecondaryIndexes = byName(units.local)
        if (units.global.size > 0) entry.GlobalSecondaryIndexes = byName(units.global)
      }
      return entry
    })
  }

  #units(tableName: string): TableUnits {
    let units = this.#tables.get(tableName)
    if (!units) {
      units = { table: 0, local: new Map(), global: new Map() }
      this.#tables.set(tableName, units)
    }
    return units
  }
}

function writeUnits(item: StoredItem | undefined): number {
  return item ? Math.max(1, Math.ceil(dynaliteDb.itemSize(item) / 1024)) : 1
}

/** Units of the index entries a write puts and removes. */
function indexEntries(
  index: StoredIndex,
  table: StoredTable,
  oldItem: StoredItem | undefined,
  newItem: StoredItem | undefined,
): number {
  const { puts, deletes } = dynaliteDb.getIndexActions([index], oldItem, newItem, table)
  let units = 0
  for (const put of puts) units += 2 * writeUnits(put.item)
  if (deletes.length > 0 && oldItem) {
    // The entry removed is the old item as the index projects it.
    const [old] = dynaliteDb.getIndexActions([index], undefined, oldItem, table).puts
    units += 2 * writeUnits(old?.item)
  }
  return units
}

function byName(units: IndexUnits): Record<string, { CapacityUnits: number }> {
  return Object.fromEntries([...units].map(([name, value]) => [name, { CapacityUnits: value }]))
}
