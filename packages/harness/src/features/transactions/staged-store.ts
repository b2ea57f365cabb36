import type {
  DynaliteStoreState,
  NodeCallback,
  StoredItem,
  SubDb,
} from '../../engine/dynalite-internals.js'
import { guardCallback } from '../../engine/request-context.js'
import { writeBatch } from './store-calls.js'

/** A sub-database whose writes wait in memory until the transaction commits. */
class StagedSubDb {
  readonly base: SubDb
  /** Pending writes by key: the new value, or undefined for a delete. */
  readonly pending = new Map<string, StoredItem | undefined>()
  readonly view: SubDb

  constructor(base: SubDb) {
    this.base = base
    const view = Object.create(base) as SubDb
    view.get = (key, callback) => {
      if (!this.pending.has(key)) return base.get(key, callback)
      const value = this.pending.get(key)
      setImmediate(guardCallback(() => callback(null, value)))
    }
    view.put = (key, value, callback) => {
      this.pending.set(key, value as StoredItem)
      setImmediate(guardCallback(() => callback(null)))
    }
    view.del = (key, callback) => {
      this.pending.set(key, undefined)
      setImmediate(guardCallback(() => callback(null)))
    }
    view.batch = (operations, callback: NodeCallback) => {
      for (const operation of operations) {
        this.pending.set(
          operation.key,
          operation.type === 'put' ? (operation.value as StoredItem) : undefined,
        )
      }
      setImmediate(guardCallback(() => callback(null)))
    }
    this.view = view
  }
}

const stagedOfView = new WeakMap<object, StagedStore>()

/**
 * A view of a dynalite store on which dynalite's own PutItem, UpdateItem and DeleteItem actions
 * run unchanged (conditions, update expressions, size checks, index maintenance), except that
 * what they write to items and indexes is held back: {@link StagedStore.commit} writes it all,
 * and a cancelled transaction simply never commits. Reads go to the store underneath, which
 * nothing else changes meanwhile: a transaction holds its namespace's lock alone.
 *
 * Why staging rather than writing and rolling back: nothing is written unless every action
 * succeeded, so there is nothing to undo (an undo that fails halfway would lose data), item-write
 * listeners (the TTL index) see only committed writes, and every action still runs, so each
 * gets its own cancellation reason in request order.
 */
export class StagedStore {
  /** The view to hand dynalite's actions. */
  readonly store: DynaliteStoreState
  readonly #staged = new Map<string, StagedSubDb>()
  readonly #onCommit: Array<() => void> = []

  /** The staged store whose view `store` is, if it is one. */
  static of(store: object): StagedStore | undefined {
    return stagedOfView.get(store)
  }

  constructor(base: DynaliteStoreState) {
    const view = Object.create(base) as DynaliteStoreState
    view.getItemDb = (tableName) =>
      this.#stage(`item/${tableName}`, () => base.getItemDb(tableName))
    view.getIndexDb = (indexType, tableName, indexName) =>
      this.#stage(`index-${indexType.toLowerCase()}/${tableName}/${indexName}`, () =>
        base.getIndexDb(indexType, tableName, indexName),
      )
    this.store = view
    stagedOfView.set(view, this)
  }

  /**
   * Holds back a side effect of a staged write that does not go through the store (a lagged
   * index change): it runs once the writes are committed, and never if the transaction is
   * cancelled.
   */
  onCommit(effect: () => void): void {
    this.#onCommit.push(effect)
  }

  /**
   * What the staged actions wrote to an item: `{ item }` with the new item (undefined once
   * deleted), or undefined when nothing was written to it.
   */
  written(tableName: string, key: string): { item: StoredItem | undefined } | undefined {
    const staged = this.#staged.get(`item/${tableName}`)
    return staged?.pending.has(key) ? { item: staged.pending.get(key) } : undefined
  }

  /** Writes everything staged to the store underneath, one batch per item table and index. */
  async commit(): Promise<void> {
    for (const staged of this.#staged.values()) {
      if (staged.pending.size === 0) continue
      const operations = [...staged.pending].map(([key, value]) =>
        value === undefined
          ? { type: 'del' as const, key }
          : { type: 'put' as const, key, value: value as unknown },
      )
      await writeBatch(staged.base, operations)
    }
    for (const effect of this.#onCommit.splice(0)) effect()
  }

  #stage(name: string, open: () => SubDb): SubDb {
    let staged = this.#staged.get(name)
    if (!staged) {
      staged = new StagedSubDb(open())
      this.#staged.set(name, staged)
    }
    return staged.view
  }
}
