import {
  type DynaliteDbModule,
  dynaliteDb,
  type StoredItem,
  type StoredTable,
} from '../../engine/dynalite-internals.js'
import { StagedStore } from '../transactions/staged-store.js'
import { IndexLag } from './index-lag.js'

type UpdateIndexes = (
  store: object,
  table: StoredTable,
  existingItem: StoredItem | undefined | null,
  item: StoredItem | undefined | null,
  callback: (error?: unknown) => void,
) => void

/**
 * Replaces dynalite's `db.updateIndexes` (its put, update and delete actions call it through the
 * module object): for a table whose namespace has an index lag, local secondary indexes change
 * at once as before, and the global index changes are queued to show after the lag (see
 * {@link IndexLag}). Tables without a lag take dynalite's own path untouched.
 */
export function installIndexLag(): void {
  const db = dynaliteDb as DynaliteDbModule & { updateIndexes: UpdateIndexes }
  const original = db.updateIndexes
  db.updateIndexes = (store, table, existingItem, item, callback) => {
    const lag = IndexLag.of(store)
    if (!lag || (lag.lagFor(table.TableName) === 0 && !lag.hasPending(table.TableName))) {
      return original(store, table, existingItem, item, callback)
    }
    if (table.GlobalSecondaryIndexes?.length) {
      const actions = dynaliteDb.getIndexActions(
        table.GlobalSecondaryIndexes,
        existingItem ?? undefined,
        item ?? undefined,
        table,
      )
      // Inside a transaction the change is queued only if the transaction commits.
      const staged = StagedStore.of(store)
      if (staged) staged.onCommit(() => lag.defer(table, actions))
      else lag.defer(table, actions)
    }
    const { GlobalSecondaryIndexes: _deferred, ...withLocalIndexesOnly } = table
    return original(store, withLocalIndexesOnly as StoredTable, existingItem, item, callback)
  }
}
