import type { AttributeMap } from './attribute-value.js'
import {
  type DynaliteError,
  type DynaliteStoreState,
  dynaliteDb,
  type NodeCallback,
  type StoredTable,
} from './dynalite-internals.js'
import { addIndexWrites, type WriteCapacity } from './index-write-capacity.js'
import { checkUpdatedItem, type ItemUpdate } from './updated-item-checks.js'

type UpdateIndexes = (
  store: DynaliteStoreState,
  table: StoredTable,
  existingItem: AttributeMap | undefined | null,
  item: AttributeMap | undefined | null,
  callback: NodeCallback,
) => void

type AddConsumedCapacity = (
  data: Record<string, unknown>,
  isRead: boolean,
  newItem?: AttributeMap | null,
  oldItem?: AttributeMap | null,
) => WriteCapacity | undefined

/** A write in flight: its request data and the ConsumedCapacity its answer will carry. */
interface PendingWrite {
  data: Record<string, unknown> & ItemUpdate
  capacity: WriteCapacity | undefined
}

// PutItem, UpdateItem and DeleteItem call `db.addConsumedCapacity(data, false, a, b)` and then,
// in the same turn, `db.updateIndexes(store, table, old, new)` with the same item objects: the
// item links the second call to the request that made the first.
const pendingWrites = new WeakMap<object, PendingWrite>()

/**
 * Wraps the two functions dynalite's write actions call just before an item is stored
 * (`db.addConsumedCapacity`, then `db.updateIndexes`) to add what they lack:
 *
 * - an UpdateItem's result is checked before it is written (`updated-item-checks.ts`: 38-digit
 *   precision and range of Numbers made by arithmetic, nesting, index keys); a refusal leaves
 *   the item and its indexes as they were;
 * - the ConsumedCapacity of PutItem, UpdateItem, DeleteItem (and BatchWriteItem, which runs
 *   them) counts the writes to secondary indexes, per index with `INDEXES`
 *   (`index-write-capacity.ts`); dynalite counted the table only.
 *
 * Wraps whatever the exports are when installed, so other overrides of `updateIndexes` compose.
 */
export function installItemWriteOverride(): void {
  const addConsumedCapacity = dynaliteDb.addConsumedCapacity as AddConsumedCapacity
  const updateIndexes = dynaliteDb.updateIndexes as UpdateIndexes

  const countingCapacity: AddConsumedCapacity = (data, isRead, newItem, oldItem) => {
    const capacity = addConsumedCapacity(data, isRead, newItem, oldItem)
    if (!isRead) {
      const write: PendingWrite = { data: data as PendingWrite['data'], capacity }
      for (const item of [newItem, oldItem]) {
        if (item !== null && typeof item === 'object') pendingWrites.set(item, write)
      }
    }
    return capacity
  }

  const checkingUpdateIndexes: UpdateIndexes = (store, table, existingItem, item, callback) => {
    const key = item ?? existingItem
    const write = key ? pendingWrites.get(key) : undefined
    if (write) {
      if (key) pendingWrites.delete(key)
      const isUpdate =
        write.data._updates !== undefined || write.data.AttributeUpdates !== undefined
      if (isUpdate && item) {
        const invalid: DynaliteError | undefined = checkUpdatedItem(write.data, table, item)
        if (invalid) return callback(invalid)
      }
      if (write.capacity) {
        addIndexWrites(write.capacity, write.data.ReturnConsumedCapacity, table, existingItem, item)
      }
    }
    return updateIndexes(store, table, existingItem, item, callback)
  }

  dynaliteDb.addConsumedCapacity = countingCapacity
  dynaliteDb.updateIndexes = checkingUpdateIndexes
}
