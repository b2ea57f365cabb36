import {
  type DynaliteStoreState,
  dynaliteDb,
  type StoredItem,
  type StoredTable,
} from '../engine/dynalite-internals.js'

/**
 * The parts of dynalite's LevelDB (abstract-level 3, under dynalite's callback wrapper) that
 * snapshots and truncates use: ranges read and cleared in one call each, rather than one
 * action per item, which is what makes a truncate of 1,000 items take milliseconds.
 */
interface RawLevel {
  keys(range: Range): { all(): Promise<string[]> }
  iterator(range: Range & { valueEncoding: 'utf8' }): { all(): Promise<Array<[string, string]>> }
  iterator(
    range: Partial<Range> & { limit: number; keyEncoding: 'buffer'; valueEncoding: 'buffer' },
  ): {
    all(): Promise<Array<[Buffer, Buffer]>>
  }
  clear(range?: Range): Promise<void>
  batch(
    operations: Array<
      | { type: 'put' | 'del'; key: string; value?: string; valueEncoding?: 'utf8' }
      | { type: 'put'; key: Buffer; value: Buffer; keyEncoding: 'buffer'; valueEncoding: 'buffer' }
    >,
  ): Promise<void>
  readonly constructor: { readonly name: string }
}

interface Range {
  gte: string
  lt: string
}

/** One table as it is stored: its description, items, index entries and tags, as raw JSON text. */
export interface RawTableData {
  readonly tableName: string
  /** The table's description (dynalite's table record). */
  readonly record: string
  /** Items by dynalite's item key. */
  readonly items: ReadonlyArray<readonly [key: string, item: string]>
  /** Secondary index entries, by their full store key. */
  readonly indexEntries: ReadonlyArray<readonly [key: string, entry: string]>
  /** Tags, by their full store key. */
  readonly tags: ReadonlyArray<readonly [key: string, tag: string]>
}

// dynalite keys every sub-database by a prefix ending in '~'; table names cannot hold '~', so
// a prefix never covers another table's keys. The range ends just past '~'.
const range = (prefix: string): Range => ({ gte: prefix, lt: `${prefix.slice(0, -1)}\x7f` })
const itemPrefix = (tableName: string) => `item-${tableName}~`
const indexPrefixes = (tableName: string) => [
  `index-global~${tableName}~`,
  `index-local~${tableName}~`,
]
const tagPrefix = (tableName: string) => `tag-${tableName}~`
const tableKey = (tableName: string) => `table~${tableName}`

function rawLevel(store: DynaliteStoreState): RawLevel {
  return store.db as unknown as RawLevel
}

/**
 * Reads a table as stored. With `rebuildIndexes`, index entries are computed from the items
 * instead of copied (when index writes wait under an index lag, the stored ones are stale).
 * The caller holds the namespace's lock alone.
 */
export async function readRawTable(
  store: DynaliteStoreState,
  tableName: string,
  { rebuildIndexes = false }: { rebuildIndexes?: boolean } = {},
): Promise<RawTableData | undefined> {
  const level = rawLevel(store)
  const records = await level
    .iterator({ gte: tableKey(tableName), lt: `${tableKey(tableName)}\x00`, valueEncoding: 'utf8' })
    .all()
  const record = records.find(([key]) => key === tableKey(tableName))?.[1]
  if (record === undefined) return undefined
  const prefix = itemPrefix(tableName)
  const items = (await level.iterator({ ...range(prefix), valueEncoding: 'utf8' }).all()).map(
    ([key, value]) => [key.slice(prefix.length), value] as const,
  )
  const indexEntries = rebuildIndexes
    ? indexEntriesOf(JSON.parse(record) as StoredTable, items)
    : (
        await Promise.all(
          indexPrefixes(tableName).map((prefix) =>
            level.iterator({ ...range(prefix), valueEncoding: 'utf8' }).all(),
          ),
        )
      ).flat()
  const tags = await level.iterator({ ...range(tagPrefix(tableName)), valueEncoding: 'utf8' }).all()
  return { tableName, record, items, indexEntries, tags }
}

/** Whether a table exists, read straight from dynalite's table records. */
export async function hasRawTable(store: DynaliteStoreState, tableName: string): Promise<boolean> {
  const keys = await rawLevel(store)
    .keys({ gte: tableKey(tableName), lt: `${tableKey(tableName)}\x00` })
    .all()
  return keys.length > 0
}

/**
 * Names of every table, read straight from dynalite's table records. dynalite's own ListTables
 * streams every key of the store to find them (its sub-databases filter a scan of the whole
 * LevelDB by prefix), which takes tens of milliseconds once tables hold a few thousand items.
 */
export async function rawTableNames(store: DynaliteStoreState): Promise<string[]> {
  const prefix = tableKey('')
  return (await rawLevel(store).keys(range(prefix)).all()).map((key) => key.slice(prefix.length))
}

/**
 * Deletes every item of a table and its index entries, keeping the table; `onDeleted` is told
 * the keys of the deleted items (dynalite's item keys), for the indexes kept of them. The caller
 * holds the namespace's lock alone.
 *
 * @returns how many items were deleted
 */
export async function clearRawTable(
  store: DynaliteStoreState,
  tableName: string,
  onDeleted: (keys: readonly string[]) => void,
): Promise<number> {
  const level = rawLevel(store)
  const prefix = itemPrefix(tableName)
  const cleared = [range(prefix), ...indexPrefixes(tableName).map(range)]
  const keys = (await level.keys(cleared[0] as Range).all()).map((key) => key.slice(prefix.length))
  // memory-level keeps one immutable red-black tree; deleting a range removes its keys one by
  // one, copying tree nodes for each (about 9 ms for 1,000 items and their index entries, most
  // of it garbage). Clearing the whole store is a new empty tree, so as we hold the namespace
  // alone, when what stays (the other tables) is smaller than what goes, it is read and written
  // back instead: the cost follows the smaller side. Keys and values stay the stored bytes,
  // nothing is decoded or re-encoded. Not on disk (classic-level): a whole clear deletes key by
  // key there too, and a crash between the clear and the write-back would lose other tables.
  const kept =
    level.constructor.name === 'MemoryLevel'
      ? await entriesOutside(level, cleared, keys.length)
      : undefined
  if (kept) {
    await level.clear()
    if (kept.length > 0) {
      await level.batch(
        kept.map(([key, value]) => ({
          type: 'put' as const,
          key,
          value,
          keyEncoding: 'buffer' as const,
          valueEncoding: 'buffer' as const,
        })),
      )
    }
  } else {
    // One batch: LevelDB applies a batch whole or not at all, so a kill -9 mid-truncate on disk
    // never leaves items without their index entries or index entries without their items
    // (a range clear deletes in chunks).
    const stored = (await Promise.all(cleared.map((part) => level.keys(part).all()))).flat()
    if (stored.length > 0) {
      await level.batch(stored.map((key) => ({ type: 'del' as const, key })))
    }
  }
  onDeleted(keys)
  return keys.length
}

/**
 * Every stored entry outside the given ranges (not overlapping), as stored bytes; undefined
 * once there are more than `limit` of them.
 */
async function entriesOutside(
  level: RawLevel,
  ranges: readonly Range[],
  limit: number,
): Promise<Array<[Buffer, Buffer]> | undefined> {
  const sorted = [...ranges].sort((a, b) => (a.gte < b.gte ? -1 : 1))
  const gaps: Array<Partial<Range>> = []
  let from: string | undefined
  for (const part of sorted) {
    gaps.push({ gte: from, lt: part.gte })
    from = part.lt
  }
  gaps.push({ gte: from })
  const kept: Array<[Buffer, Buffer]> = []
  for (const { gte, lt } of gaps) {
    const entries = await level
      .iterator({
        ...(gte === undefined ? {} : { gte }),
        ...(lt === undefined ? {} : { lt }),
        limit: limit - kept.length + 1,
        keyEncoding: 'buffer',
        valueEncoding: 'buffer',
      })
      .all()
    kept.push(...entries)
    if (kept.length > limit) return undefined
  }
  return kept
}

/**
 * Writes a table back as it was read: its description and tags as they were, its items (told
 * to item-write listeners) and index entries in place of whatever the table holds now. The
 * caller holds the namespace's lock alone.
 */
export async function writeRawTable(
  store: DynaliteStoreState,
  data: RawTableData,
  onDeleted: (keys: readonly string[]) => void,
): Promise<void> {
  const level = rawLevel(store)
  await clearRawTable(store, data.tableName, onDeleted)
  await level.clear(range(tagPrefix(data.tableName)))
  await level.batch([
    { type: 'put', key: tableKey(data.tableName), value: data.record, valueEncoding: 'utf8' },
    ...[...data.tags, ...data.indexEntries].map(([key, value]) => ({
      type: 'put' as const,
      key,
      value,
      valueEncoding: 'utf8' as const,
    })),
  ])
  if (data.items.length > 0) {
    await call((done) =>
      store.getItemDb(data.tableName).batch(
        data.items.map(([key, item]) => ({
          type: 'put' as const,
          key,
          value: JSON.parse(item) as StoredItem,
        })),
        done,
      ),
    )
  }
}

function indexEntriesOf(
  table: StoredTable,
  items: ReadonlyArray<readonly [string, string]>,
): Array<[string, string]> {
  const entries: Array<[string, string]> = []
  for (const type of ['Local', 'Global'] as const) {
    const indexes = table[`${type}SecondaryIndexes`] ?? []
    if (indexes.length === 0) continue
    for (const [, text] of items) {
      const item = JSON.parse(text) as StoredItem
      for (const put of dynaliteDb.getIndexActions(indexes, undefined, item, table).puts) {
        entries.push([
          `index-${type.toLowerCase()}~${table.TableName}~${put.index}~${put.key}`,
          JSON.stringify(put.item),
        ])
      }
    }
  }
  return entries
}

function call(work: (done: (error?: unknown) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    work((error) => (error ? reject(error) : resolve()))
  })
}
