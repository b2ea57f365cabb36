import type { DynaliteStoreState, NodeCallback, SubDb } from './dynalite-internals.js'

/**
 * Makes deleting a table's items, indexes and tags read only that table's keys. dynalite 4.0.0
 * deletes a sub-database by streaming every key of the whole store and keeping those with its
 * prefix, so one DeleteTable (and every table a reset drops) cost as much as the store holds:
 * 12 s for an empty table beside 100,000 items. The same keys are read here with a range on
 * the prefix instead, and deleted in one batch, as dynalite does.
 *
 * Sub-database keys are `<name>~<key>` and table names never contain `~` (0x7E), so every key
 * of `<name>` lies in [`<name>~`, `<name>\x7F`), in UTF-16 and in UTF-8 byte order alike.
 *
 * @returns `store`, changed in place
 */
export function withRangeLimitedDeletes(store: DynaliteStoreState): DynaliteStoreState {
  const deleteSubDb = (name: string, subDb: SubDb, callback: NodeCallback) => {
    const keys: string[] = []
    let done = false
    const finish = (error?: unknown) => {
      if (done) return
      done = true
      if (error) callback(error as Error)
      else
        subDb.batch(
          keys.map((key) => ({ type: 'del' as const, key })),
          callback,
        )
    }
    const stream = subDb.createKeyStream({ gte: `${name}~`, lt: `${name}\x7f` })
    stream.on('data', (key: string) => keys.push(key))
    stream.on('error', finish)
    stream.on('end', () => finish())
  }
  store.deleteItemDb = (tableName, callback) =>
    deleteSubDb(`item-${tableName}`, store.getItemDb(tableName), callback)
  store.deleteTagDb = (tableName, callback) =>
    deleteSubDb(`tag-${tableName}`, store.getTagDb(tableName), callback)
  store.deleteIndexDb = (indexType, tableName, indexName, callback) =>
    deleteSubDb(
      `index-${indexType.toLowerCase()}~${tableName}~${indexName}`,
      store.getIndexDb(indexType, tableName, indexName),
      callback,
    )
  return store
}
