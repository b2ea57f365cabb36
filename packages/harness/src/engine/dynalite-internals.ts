import { createRequire } from 'node:module'
import { withLazyLevel } from './lazy-level.js'

// dynalite's modules are CommonJS without an `exports` map; the harness drives its validations
// and actions directly (no HTTP inside), so it loads them by path. The version is pinned
// exactly in package.json: these shapes are those of dynalite 4.0.0.
const require = createRequire(import.meta.url)

/** A callback in dynalite's Node style. */
export type NodeCallback<T = unknown> = (
  error: DynaliteError | null | undefined,
  result?: T,
) => void

/** What dynalite's actions pass to their callback on failure. */
export interface DynaliteError extends Error {
  statusCode?: number
  body?: Record<string, unknown>
}

/** A key-prefixed view of dynalite's LevelDB (one per table, index, tags, and the table list). */
export interface SubDb {
  lock(
    key: string,
    exec: (release: (done?: (...args: unknown[]) => void) => (...args: unknown[]) => void) => void,
  ): void
  get(key: string, callback: NodeCallback): void
  put(key: string, value: unknown, callback: NodeCallback): void
  del(key: string, callback: NodeCallback): void
  batch(
    operations: Array<{ type: 'put' | 'del'; key: string; value?: unknown }>,
    callback: NodeCallback,
  ): void
  createValueStream(options?: Record<string, unknown>): NodeJS.ReadableStream
  createKeyStream(options?: Record<string, unknown>): NodeJS.ReadableStream
}

/** A table description as dynalite stores it (the DescribeTable `Table`). */
export interface StoredTable {
  TableName: string
  TableStatus: string
  KeySchema: Array<{ AttributeName: string; KeyType: 'HASH' | 'RANGE' }>
  AttributeDefinitions: Array<{ AttributeName: string; AttributeType: 'S' | 'N' | 'B' }>
  GlobalSecondaryIndexes?: StoredIndex[]
  LocalSecondaryIndexes?: StoredIndex[]
  [field: string]: unknown
}

/** A secondary index of a {@link StoredTable}. */
export interface StoredIndex {
  IndexName: string
  KeySchema: Array<{ AttributeName: string; KeyType: 'HASH' | 'RANGE' }>
  Projection: { ProjectionType: string; NonKeyAttributes?: string[] }
  [field: string]: unknown
}

/** What `dynalite/db`'s `create()` returns: the store every action works on. */
export interface DynaliteStoreState {
  options: Record<string, unknown>
  db: { close(callback: NodeCallback): void }
  tableDb: SubDb
  getItemDb(tableName: string): SubDb
  deleteItemDb(tableName: string, callback: NodeCallback): void
  getIndexDb(indexType: string, tableName: string, indexName: string): SubDb
  deleteIndexDb(
    indexType: string,
    tableName: string,
    indexName: string,
    callback: NodeCallback,
  ): void
  getTagDb(tableName: string): SubDb
  deleteTagDb(tableName: string, callback: NodeCallback): void
  getTable(
    tableName: string,
    checkStatus: boolean | NodeCallback<StoredTable>,
    callback?: NodeCallback<StoredTable>,
  ): void
  lifecycleManager?: { gracefulClose(callback: NodeCallback): void }
}

/** An item in DynamoDB JSON. */
export type StoredItem = Record<string, Record<string, unknown>>

/** The parts of `dynalite/db` the harness uses or replaces. */
export interface DynaliteDbModule {
  create(options: Record<string, unknown>): DynaliteStoreState
  createKey(item: StoredItem, table: StoredTable, keySchema?: StoredTable['KeySchema']): string
  createIndexKey(item: StoredItem, table: StoredTable, keySchema: StoredTable['KeySchema']): string
  getIndexActions(
    indexes: StoredIndex[],
    existingItem: StoredItem | undefined,
    item: StoredItem | undefined,
    table: StoredTable,
  ): {
    puts: Array<{ index: string; key: string; item: StoredItem }>
    deletes: Array<{ index: string; key: string }>
  }
  validationError(message: string): DynaliteError
  itemSize(item: StoredItem): number
  mapPaths(paths: unknown[], item: StoredItem): StoredItem
  [name: string]: unknown
}

/** One action's validation rules (`dynalite/validations/<action>`). */
export interface ActionValidation {
  types: Record<string, unknown>
  custom?: (data: Record<string, unknown>, store: DynaliteStoreState) => string | undefined
}

/** `dynalite/validations`. */
export interface DynaliteValidationsModule {
  checkTypes(data: Record<string, unknown>, types: Record<string, unknown>): Record<string, unknown>
  checkValidations(
    data: Record<string, unknown>,
    types: Record<string, unknown>,
    custom: ActionValidation['custom'],
    store: DynaliteStoreState,
  ): void
  toLowerFirst(name: string): string
}

/** An action of dynalite (`dynalite/actions/<action>`). */
export type DynaliteAction = (
  store: DynaliteStoreState,
  data: Record<string, unknown>,
  callback: NodeCallback<Record<string, unknown>>,
) => void

/** A pegjs parser module of dynalite (`dynalite/db/<name>Parser`). */
export interface ParserModule {
  parse(input: string, options?: Record<string, unknown>): unknown
  SyntaxError: unknown
}

export const dynaliteDb = withLazyLevel(() => require('dynalite/db')) as DynaliteDbModule
export const dynaliteValidations = require('dynalite/validations') as DynaliteValidationsModule

/** The operations dynalite implements, by their DynamoDB names. */
export const dynaliteActionNames = [
  'BatchGetItem',
  'BatchWriteItem',
  'CreateTable',
  'DeleteItem',
  'DeleteTable',
  'DescribeTable',
  'GetItem',
  'ListTables',
  'ListTagsOfResource',
  'PutItem',
  'Query',
  'Scan',
  'TagResource',
  'UntagResource',
  'UpdateItem',
  'UpdateTable',
] as const

/** An operation dynalite implements. */
export type DynaliteActionName = (typeof dynaliteActionNames)[number]

/** The action and validation modules of one operation. */
export function loadAction(operation: DynaliteActionName): {
  action: DynaliteAction
  validation: ActionValidation
} {
  const name = dynaliteValidations.toLowerFirst(operation)
  return {
    action: require(`dynalite/actions/${name}`) as DynaliteAction,
    validation: require(`dynalite/validations/${name}`) as ActionValidation,
  }
}

/** Resolves a file of dynalite's package, for loading a transformed copy of it. */
export function resolveDynaliteFile(path: string): string {
  return require.resolve(`dynalite/${path}`)
}

/** Loads a module of dynalite's package as it is. */
export function requireDynalite<T>(path: string): T {
  return require(`dynalite/${path}`) as T
}
