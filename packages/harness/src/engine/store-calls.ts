import type {
  DynaliteAction,
  DynaliteStoreState,
  NodeCallback,
  StoredTable,
} from './dynalite-internals.js'

/** A table's description from the store, or its ResourceNotFoundException. */
export function getTable(store: DynaliteStoreState, name: string): Promise<StoredTable> {
  return new Promise((resolve, reject) => {
    store.getTable(name, ((error, table) =>
      error ? reject(error) : resolve(table as StoredTable)) as NodeCallback<StoredTable>)
  })
}

/** Runs one of dynalite's actions and resolves with its answer. */
export function runAction(
  action: DynaliteAction,
  store: DynaliteStoreState,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    action(store, data, (error, result) => (error ? reject(error) : resolve(result ?? {})))
  })
}
