import type { DynaliteStoreState, StoredTable } from '../../engine/dynalite-internals.js'
import { StorageError } from '../transactions/store-calls.js'

/** A table's stored description whatever its status, or undefined when there is none. */
export function readStoredTable(
  store: DynaliteStoreState,
  tableName: string,
): Promise<StoredTable | undefined> {
  return new Promise((resolve, reject) => {
    store.getTable(tableName, false, (error, table) => {
      if (!error) resolve(table)
      else if (error.name === 'NotFoundError') resolve(undefined)
      else reject(new StorageError(error))
    })
  })
}

/**
 * Changes a table's stored description (what DescribeTable answers) under dynalite's lock on
 * that table, so no CreateTable, UpdateTable or DeleteTable of dynalite's interleaves.
 *
 * @returns the description as written, or undefined when the table is gone
 */
export function updateStoredTable(
  store: DynaliteStoreState,
  tableName: string,
  change: (table: StoredTable) => void,
): Promise<StoredTable | undefined> {
  return new Promise((resolve, reject) => {
    store.tableDb.lock(tableName, (release) => {
      const done = release((error?: unknown, table?: unknown) =>
        error ? reject(new StorageError(error)) : resolve(table as StoredTable | undefined),
      )
      store.tableDb.get(tableName, (error, value) => {
        if (error || !value) return done(error && error.name !== 'NotFoundError' ? error : null)
        const table = value as StoredTable
        change(table)
        store.tableDb.put(tableName, table, (putError) => done(putError ?? null, table))
      })
    })
  })
}
