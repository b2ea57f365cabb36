import type { StoredIndex, StoredTable } from './dynalite-internals.js'

/**
 * DynamoDB's key size limits: a partition key value at most 2,048 bytes, a sort key value at
 * most 1,024 bytes, for a table's primary key and for every secondary index's key alike.
 * Strings count their UTF-8 bytes, Binary its bytes; Numbers have no limit here.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-partition-sort-keys
 */
export const keySizeLimits = { partition: 2048, sort: 1024 } as const

/** The size a key value counts for: UTF-8 bytes of a String, bytes of a Binary, 0 otherwise. */
export function keyValueBytes(value: unknown, type: string): number {
  if (typeof value !== 'string') return 0
  if (type === 'S') return Buffer.byteLength(value, 'utf8')
  if (type === 'B') return Buffer.from(value, 'base64').length
  return 0
}

/** One key attribute of a secondary index, with its place in the index's key. */
export interface IndexKeyAttribute {
  index: StoredIndex
  attribute: string
  type: string
  isPartitionKey: boolean
}

/**
 * The key attributes of a table's secondary indexes, global ones first, in the order the table
 * lists them (the first index that names an attribute is the one an error names, as DynamoDB
 * Local 3.3 reports). A local index's partition key is the table's: only its sort key is listed.
 */
export function indexKeyAttributes(table: StoredTable): IndexKeyAttribute[] {
  const attributes: IndexKeyAttribute[] = []
  const typeOfAttribute = (name: string) =>
    table.AttributeDefinitions.find((definition) => definition.AttributeName === name)
      ?.AttributeType ?? 'S'
  for (const index of (table.GlobalSecondaryIndexes as StoredIndex[] | undefined) ?? []) {
    index.KeySchema.forEach((key, position) => {
      attributes.push({
        index,
        attribute: key.AttributeName,
        type: typeOfAttribute(key.AttributeName),
        isPartitionKey: position === 0,
      })
    })
  }
  for (const index of (table.LocalSecondaryIndexes as StoredIndex[] | undefined) ?? []) {
    const sortKey = index.KeySchema[1]
    if (!sortKey) continue
    attributes.push({
      index,
      attribute: sortKey.AttributeName,
      type: typeOfAttribute(sortKey.AttributeName),
      isPartitionKey: false,
    })
  }
  return attributes
}
