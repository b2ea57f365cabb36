import type { DynaliteStoreState, StoredItem, SubDb } from './dynalite-internals.js'
import { currentRequest, guardCallback } from './request-context.js'

/**
 * Told of every item a table gains, changes or loses, after the store has it: `item` is the
 * new item, or undefined when `key` (dynalite's internal key of the item) was deleted.
 */
export type ItemWriteListener = (
  tableName: string,
  key: string,
  item: StoredItem | undefined,
) => void

const callbackMethods = ['get', 'put', 'del', 'batch'] as const

/**
 * Wraps a dynalite store so that every callback an action hands it runs guarded by the action's
 * request (see {@link guardCallback}), and every per-key lock it takes is released when the
 * request fails. Streams are left as they are: their errors already reach the action's callback.
 */
export function guardStore(
  store: DynaliteStoreState,
  itemWriteListeners: ReadonlySet<ItemWriteListener> = new Set(),
): DynaliteStoreState {
  const subDbs = new WeakMap<SubDb, SubDb>()
  const itemDbs = new WeakMap<SubDb, SubDb>()
  const guardItemDb = (tableName: string, itemDb: SubDb): SubDb => {
    let observed = itemDbs.get(itemDb)
    if (!observed) {
      const guarded = guardSubDb(itemDb)
      const notify = (key: string, item: StoredItem | undefined) => {
        for (const listener of itemWriteListeners) listener(tableName, key, item)
      }
      observed = Object.create(guarded) as SubDb
      observed.put = (key, value, callback) =>
        guarded.put(key, value, (error, result) => {
          if (!error) notify(key, value as StoredItem)
          callback(error, result)
        })
      observed.del = (key, callback) =>
        guarded.del(key, (error, result) => {
          if (!error) notify(key, undefined)
          callback(error, result)
        })
      observed.batch = (operations, callback) =>
        guarded.batch(operations, (error, result) => {
          if (!error) {
            for (const operation of operations) {
              notify(
                operation.key,
                operation.type === 'put' ? (operation.value as StoredItem) : undefined,
              )
            }
          }
          callback(error, result)
        })
      itemDbs.set(itemDb, observed)
    }
    return observed
  }
  const guardSubDb = (subDb: SubDb): SubDb => {
    let guarded = subDbs.get(subDb)
    if (!guarded) {
      guarded = Object.create(subDb) as SubDb
      for (const method of callbackMethods) {
        const original = subDb[method] as (...args: unknown[]) => void
        ;(guarded as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
          const last = args.length - 1
          args[last] = guardCallback(args[last] as (...a: never[]) => unknown)
          return original.apply(subDb, args)
        }
      }
      guarded.lock = (key, exec) => {
        const context = currentRequest()
        subDb.lock(
          key,
          guardCallback((release: Parameters<typeof exec>[0]) => {
            context?.holdsLock(release)
            exec(release)
          }),
        )
      }
      subDbs.set(subDb, guarded)
    }
    return guarded
  }

  const guarded = Object.create(store) as DynaliteStoreState
  guarded.tableDb = guardSubDb(store.tableDb)
  guarded.getItemDb = (tableName) => guardItemDb(tableName, store.getItemDb(tableName))
  guarded.getIndexDb = (type, tableName, indexName) =>
    guardSubDb(store.getIndexDb(type, tableName, indexName))
  guarded.getTagDb = (tableName) => guardSubDb(store.getTagDb(tableName))
  guarded.getTable = (tableName, checkStatus, callback) => {
    if (typeof checkStatus === 'function') {
      store.getTable(tableName, guardCallback(checkStatus))
    } else {
      store.getTable(
        tableName,
        checkStatus,
        guardCallback(callback as NonNullable<typeof callback>),
      )
    }
  }
  guarded.deleteItemDb = (tableName, callback) =>
    store.deleteItemDb(tableName, guardCallback(callback))
  guarded.deleteTagDb = (tableName, callback) =>
    store.deleteTagDb(tableName, guardCallback(callback))
  guarded.deleteIndexDb = (type, tableName, indexName, callback) =>
    store.deleteIndexDb(type, tableName, indexName, guardCallback(callback))
  return guarded
}
