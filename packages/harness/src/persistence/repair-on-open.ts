import type {
  DynaliteStoreState,
  NodeCallback,
  StoredIndex,
  StoredTable,
} from '../engine/dynalite-internals.js'
import type { TtlRegistry } from '../ttl/ttl-registry.js'

/** What {@link repairAfterHardStop} changed, for the tests and for a log line. */
export interface RepairReport {
  /** Tables left CREATING or UPDATING (or with such an index), now ACTIVE. */
  activated: string[]
  /** Tables left DELETING, now gone with their items, indexes and tags. */
  deleted: string[]
  /** TTL settings of tables that do not exist, now dropped. */
  droppedTtl: string[]
}

const settling = new Set(['CREATING', 'UPDATING'])

/**
 * Finishes what a hard stop (`kill -9`, a crash, a power cut) interrupted in a persisted store,
 * before the emulator serves anything from it.
 *
 * dynalite writes a table as CREATING, DELETING or UPDATING and completes the change on a
 * timer; a process killed in between leaves the table in that state on disk, where it stayed
 * forever (every write to a CREATING table failed). The change was either answered, and must
 * take effect, or not answered, and may: so every such table is completed (made ACTIVE, or
 * deleted with its items). The TTL registry is written before the table is created (see
 * `tables/table-operations.ts`), so a kill between the two leaves a TTL setting for a table
 * that does not exist, which is dropped here; the table's creation, if it is a seed table, then
 * enables it again.
 */
export async function repairAfterHardStop(
  store: DynaliteStoreState,
  ttl: TtlRegistry,
): Promise<RepairReport> {
  const report: RepairReport = { activated: [], deleted: [], droppedTtl: [] }
  const existing = new Set<string>()
  for (const table of await storedTables(store)) {
    if (table.TableStatus === 'DELETING') {
      await finishDeletion(store, table)
      report.deleted.push(table.TableName)
      continue
    }
    existing.add(table.TableName)
    const { changed, droppedIndexes } = settle(table)
    if (changed) {
      await call<unknown>((callback) => store.tableDb.put(table.TableName, table, callback))
      for (const index of droppedIndexes) {
        await call((callback) =>
          store.deleteIndexDb('Global', table.TableName, index.IndexName, callback),
        )
      }
      report.activated.push(table.TableName)
    }
  }
  for (const [tableName] of ttl.entries()) {
    if (existing.has(tableName)) continue
    ttl.disable(tableName)
    report.droppedTtl.push(tableName)
  }
  return report
}

/** Completes the table's and its indexes' pending changes in place. */
function settle(table: StoredTable): { changed: boolean; droppedIndexes: StoredIndex[] } {
  let changed = false
  const droppedIndexes: StoredIndex[] = []
  if (settling.has(table.TableStatus)) {
    table.TableStatus = 'ACTIVE'
    changed = true
  }
  const indexes = table.GlobalSecondaryIndexes
  if (indexes) {
    const kept: StoredIndex[] = []
    for (const index of indexes) {
      if (index.IndexStatus === 'DELETING') {
        droppedIndexes.push(index)
        changed = true
        continue
      }
      if (settling.has(String(index.IndexStatus))) {
        index.IndexStatus = 'ACTIVE'
        changed = true
      }
      kept.push(index)
    }
    table.GlobalSecondaryIndexes = kept
  }
  return { changed, droppedIndexes }
}

async function finishDeletion(store: DynaliteStoreState, table: StoredTable): Promise<void> {
  const name = table.TableName
  await call((callback) => store.deleteItemDb(name, callback))
  await call((callback) => store.deleteTagDb(name, callback))
  for (const [type, indexes] of [
    ['Local', table.LocalSecondaryIndexes],
    ['Global', table.GlobalSecondaryIndexes],
  ] as const) {
    for (const index of indexes ?? []) {
      await call((callback) => store.deleteIndexDb(type, name, index.IndexName, callback))
    }
  }
  await call((callback) => store.tableDb.del(name, callback))
}

function storedTables(store: DynaliteStoreState): Promise<StoredTable[]> {
  return new Promise((resolve, reject) => {
    const tables: StoredTable[] = []
    const stream = store.tableDb.createValueStream()
    stream.on('data', (table: StoredTable) => tables.push(table))
    stream.on('error', reject)
    stream.on('end', () => resolve(tables))
  })
}

function call<T>(work: (callback: NodeCallback<T>) => void): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    work((error, result) => (error ? reject(error) : resolve(result)))
  })
}
