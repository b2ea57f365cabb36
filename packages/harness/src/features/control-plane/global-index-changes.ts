import {
  type DynaliteStoreState,
  dynaliteDb,
  type StoredIndex,
  type StoredItem,
  type StoredTable,
} from '../../engine/dynalite-internals.js'
import { StorageError, writeBatch } from '../transactions/store-calls.js'

/** A global secondary index to create, as UpdateTable's `Create` gives it. */
export interface IndexCreate {
  IndexName: string
  KeySchema: Array<{ AttributeName: string; KeyType: string }>
  Projection: { ProjectionType?: string; NonKeyAttributes?: string[] }
  ProvisionedThroughput?: { ReadCapacityUnits: number; WriteCapacityUnits: number }
}

type AttributeDefinition = StoredTable['AttributeDefinitions'][number]

/** Most global secondary indexes a table may have (the service's default quota). */
export const maxGlobalSecondaryIndexes = 20

/**
 * Why this index cannot be created on `table`, or undefined when it can. DynamoDB Local 3.3.0's
 * messages, measured; the new index's key attributes must be in the request's own
 * AttributeDefinitions, as the API reference says
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html#DDB-UpdateTable-request-AttributeDefinitions).
 */
export function indexCreateProblem(
  table: StoredTable,
  create: IndexCreate,
  definitions: readonly AttributeDefinition[],
): { type: 'ValidationException' | 'LimitExceededException'; message: string } | undefined {
  const invalid = (message: string) => ({ type: 'ValidationException' as const, message })
  const existing = [...(table.GlobalSecondaryIndexes ?? []), ...(table.LocalSecondaryIndexes ?? [])]
  if (existing.some((index) => index.IndexName === create.IndexName)) {
    return invalid('Attempting to create an index which already exists')
  }
  if ((table.GlobalSecondaryIndexes ?? []).length >= maxGlobalSecondaryIndexes) {
    return {
      type: 'LimitExceededException',
      message: `Subscriber limit exceeded: The number of global secondary indexes for table ${table.TableName} exceeds the limit of ${maxGlobalSecondaryIndexes}`,
    }
  }
  for (const definition of definitions) {
    const current = table.AttributeDefinitions.find(
      (known) => known.AttributeName === definition.AttributeName,
    )
    if (current && current.AttributeType !== definition.AttributeType) {
      return invalid(
        'invalid attribute, SchemaElement redefined should be of same type as previously defined',
      )
    }
  }
  const [first, second] = create.KeySchema
  if (!create.KeySchema.some((key) => key.KeyType === 'HASH')) {
    return invalid(
      'No Hash Key specified in schema.  All Dynamo DB tables must have exactly one hash key',
    )
  }
  if (first?.KeyType !== 'HASH' || (second && second.KeyType !== 'RANGE')) {
    return invalid(
      'Invalid key order. Hash Key must be specified first in key schema, Range Key must be specifed second',
    )
  }
  if (second && second.AttributeName === first.AttributeName) {
    return invalid('Two keys can not have the same name')
  }
  for (const { AttributeName: name } of create.KeySchema) {
    if (!definitions.some((definition) => definition.AttributeName === name)) {
      return invalid('No Attribute Schema Defined')
    }
  }
  const { ProjectionType: projectionType, NonKeyAttributes: nonKey } = create.Projection
  if (projectionType === undefined) return invalid('Indexes must have a projection specified')
  if (projectionType === 'INCLUDE' && !nonKey?.length) {
    return invalid(
      'If Projection type INCLUDE is specified, some non-key attributes to include in the projection must be specified as well',
    )
  }
  if (projectionType !== 'INCLUDE' && nonKey !== undefined) {
    return invalid(
      'No attributes should be specified to be projected unless projection type is INCLUDE',
    )
  }
  const billing = (table.BillingModeSummary as { BillingMode?: string } | undefined)?.BillingMode
  if (billing !== 'PAY_PER_REQUEST' && !create.ProvisionedThroughput) {
    // DynamoDB Local 3.3.0 answers an InternalFailure (500) here; the service requires it.
    return invalid(
      `One or more parameter values were invalid: ProvisionedThroughput must be specified for index: ${create.IndexName}`,
    )
  }
  return undefined
}

/** The stored description of a new index, as dynalite's CreateTable stores one. */
export function newIndex(table: StoredTable, create: IndexCreate): StoredIndex {
  const billing = (table.BillingModeSummary as { BillingMode?: string } | undefined)?.BillingMode
  const throughput =
    billing === 'PAY_PER_REQUEST' || !create.ProvisionedThroughput
      ? { ReadCapacityUnits: 0, WriteCapacityUnits: 0 }
      : {
          ReadCapacityUnits: create.ProvisionedThroughput.ReadCapacityUnits,
          WriteCapacityUnits: create.ProvisionedThroughput.WriteCapacityUnits,
        }
  return {
    IndexName: create.IndexName,
    KeySchema: create.KeySchema.map(({ AttributeName, KeyType }) => ({
      AttributeName,
      KeyType: KeyType as 'HASH' | 'RANGE',
    })),
    Projection: {
      ProjectionType: create.Projection.ProjectionType as string,
      ...(create.Projection.NonKeyAttributes
        ? { NonKeyAttributes: create.Projection.NonKeyAttributes }
        : {}),
    },
    IndexStatus: 'ACTIVE',
    ProvisionedThroughput: { ...throughput, NumberOfDecreasesToday: 0 },
    IndexSizeBytes: 0,
    ItemCount: 0,
    IndexArn: `${String(table.TableArn)}/index/${create.IndexName}`,
  }
}

/** The table's attribute definitions with the new ones added. */
export function mergedDefinitions(
  table: StoredTable,
  definitions: readonly AttributeDefinition[],
): AttributeDefinition[] {
  const merged = [...table.AttributeDefinitions]
  for (const definition of definitions) {
    if (!merged.some((known) => known.AttributeName === definition.AttributeName)) {
      merged.push({
        AttributeName: definition.AttributeName,
        AttributeType: definition.AttributeType,
      })
    }
  }
  return merged
}

/** The definitions still used by the table's key or an index, in their order. */
export function usedDefinitions(table: StoredTable): AttributeDefinition[] {
  const used = new Set(
    [
      table,
      ...(table.GlobalSecondaryIndexes ?? []),
      ...(table.LocalSecondaryIndexes ?? []),
    ].flatMap((schema) => schema.KeySchema.map((key) => key.AttributeName)),
  )
  return table.AttributeDefinitions.filter((definition) => used.has(definition.AttributeName))
}

// Items written to the new index per batch while it is filled.
const backfillBatch = 500

/**
 * Fills a new global secondary index from the table's items (the caller holds the namespace
 * alone, so no write is missed). An item whose index key is missing, of another type than the
 * index defines, or empty is left out, as the service leaves out index key violations
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.ViolationDetection.html).
 *
 * @param table - the table's description with the new index and its attribute definitions
 */
export async function backfillIndex(
  store: DynaliteStoreState,
  table: StoredTable,
  index: StoredIndex,
): Promise<void> {
  const indexDb = store.getIndexDb('global', table.TableName, index.IndexName)
  const keyTypes = index.KeySchema.map(({ AttributeName: name }) => ({
    name,
    type: table.AttributeDefinitions.find((definition) => definition.AttributeName === name)
      ?.AttributeType as string,
  }))
  let pending: Array<{ type: 'put'; key: string; value: unknown }> = []
  try {
    for await (const item of store
      .getItemDb(table.TableName)
      .createValueStream() as AsyncIterable<StoredItem>) {
      const indexable = keyTypes.every(({ name, type }) => {
        const value = item[name]
        return value !== undefined && typeof value[type] === 'string' && value[type] !== ''
      })
      if (!indexable) continue
      for (const put of dynaliteDb.getIndexActions([index], undefined, item, table).puts) {
        pending.push({ type: 'put', key: put.key, value: put.item })
      }
      if (pending.length >= backfillBatch) {
        await writeBatch(indexDb, pending)
        pending = []
      }
    }
  } catch (error) {
    throw error instanceof StorageError ? error : new StorageError(error)
  }
  if (pending.length > 0) await writeBatch(indexDb, pending)
}

/** Drops every entry of an index. */
export function dropIndex(
  store: DynaliteStoreState,
  tableName: string,
  indexName: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    store.deleteIndexDb('global', tableName, indexName, (error) =>
      error ? reject(new StorageError(error)) : resolve(),
    )
  })
}
