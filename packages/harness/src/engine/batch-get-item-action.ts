import type { AttributeMap } from './attribute-value.js'
import {
  type DynaliteAction,
  type DynaliteStoreState,
  dynaliteDb,
  requireDynalite,
} from './dynalite-internals.js'
import { validateKey } from './key-validation-override.js'
import { getTable, runAction } from './store-calls.js'

/** The most data one BatchGetItem answers; the rest comes back as UnprocessedKeys. */
export const batchGetResponseLimitBytes = 16 * 1024 * 1024

interface TableRequest {
  Keys: AttributeMap[]
  [parameter: string]: unknown
}

/**
 * BatchGetItem as DynamoDB answers it: up to 16 MB of items per call, the keys past that in
 * `UnprocessedKeys` with the table's other parameters (projection, ConsistentRead), so a client
 * that retries them gets the rest. dynalite's own action stopped at about 1 MB, so reading 3 MB
 * took 4 calls where DynamoDB Local 3.3 needs 1. Each key is read by dynalite's GetItem action
 * (projection, consistency, capacity); every key is validated against its table before any is
 * read. Items of a table come back in no set order, as from DynamoDB (and dynalite).
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html
 */
export const batchGetItem: DynaliteAction = (store, data, callback) => {
  answer(store, data).then(
    (result) => callback(null, result),
    (error) => callback(error),
  )
}

async function answer(
  store: DynaliteStoreState,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const getItem = requireDynalite<DynaliteAction>('actions/getItem')
  const requestItems = data.RequestItems as Record<string, TableRequest>
  const tableNames = Object.keys(requestItems)
  for (const tableName of tableNames) {
    const table = await getTable(store, tableName)
    for (const key of requestItems[tableName]?.Keys ?? []) {
      const invalid = validateKey(key, table)
      if (invalid) throw invalid
    }
  }
  const reads = await Promise.all(
    tableNames.map((tableName) => {
      const request = requestItems[tableName] as TableRequest
      return Promise.all(
        request.Keys.map((key) =>
          runAction(getItem, store, {
            TableName: tableName,
            Key: key,
            ...pick(request, ['_projection', 'AttributesToGet', 'ConsistentRead']),
            ...pick(data, ['ReturnConsumedCapacity']),
          }),
        ),
      )
    }),
  )

  const responses: Record<string, AttributeMap[]> = {}
  const unprocessed: Record<string, TableRequest> = {}
  const units: Record<string, number> = {}
  let bytes = 0
  let full = false
  tableNames.forEach((tableName, tableIndex) => {
    const request = requestItems[tableName] as TableRequest
    const found: AttributeMap[] = []
    units[tableName] = 0
    ;(reads[tableIndex] ?? []).forEach((read, keyIndex) => {
      const item = read.Item as AttributeMap | undefined
      const size = item ? dynaliteDb.itemSize(item as never) : 0
      full ||= bytes + size > batchGetResponseLimitBytes
      if (full) {
        const rest = unprocessed[tableName] ?? { ...parametersOf(request), Keys: [] }
        rest.Keys.push(request.Keys[keyIndex] as AttributeMap)
        unprocessed[tableName] = rest
        return
      }
      bytes += size
      if (item) found.push(item)
      units[tableName] =
        (units[tableName] ?? 0) +
        ((read.ConsumedCapacity as { CapacityUnits?: number } | undefined)?.CapacityUnits ?? 0)
    })
    responses[tableName] = shuffled(found)
  })

  const result: Record<string, unknown> = { Responses: responses, UnprocessedKeys: unprocessed }
  const mode = data.ReturnConsumedCapacity
  if (mode === 'TOTAL' || mode === 'INDEXES') {
    result.ConsumedCapacity = tableNames.map((tableName) => ({
      CapacityUnits: units[tableName],
      TableName: tableName,
      ...(mode === 'INDEXES' ? { Table: { CapacityUnits: units[tableName] } } : {}),
    }))
  }
  return result
}

/** A table request's parameters other than its keys, as the client sent them. */
function parametersOf(request: TableRequest): Record<string, unknown> {
  const parameters: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(request)) {
    if (name !== 'Keys' && !name.startsWith('_')) parameters[name] = value
  }
  return parameters
}

function pick(source: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {}
  for (const name of names) if (source[name] !== undefined) picked[name] = source[name]
  return picked
}

// dynalite shuffles too: code that relies on an order DynamoDB does not promise fails here.
function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[items[i], items[j]] = [items[j] as T, items[i] as T]
  }
  return items
}
