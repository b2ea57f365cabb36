import type { TableSpec } from '../src/diff-case.js'

type KeyType = 'S' | 'N' | 'B'

/** An on-demand table keyed by `pk` alone. */
export function hashTable(type: KeyType = 'S'): TableSpec {
  return {
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: type }],
    BillingMode: 'PAY_PER_REQUEST',
  }
}

/** An on-demand table keyed by `pk` and `sk`. */
export function hashRangeTable(pkType: KeyType = 'S', skType: KeyType = 'S'): TableSpec {
  return {
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: pkType },
      { AttributeName: 'sk', AttributeType: skType },
    ],
    BillingMode: 'PAY_PER_REQUEST',
  }
}

/** `pk`/`sk` with a global index `gsi1` on `gpk`/`gsk` (projection as given) and a local index `lsi1` on `lsk`. */
export function indexedTable(
  projection: Record<string, unknown> = { ProjectionType: 'ALL' },
  gskType: KeyType = 'S',
): TableSpec {
  return {
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: 'gpk', AttributeType: 'S' },
      { AttributeName: 'gsk', AttributeType: gskType },
      { AttributeName: 'lsk', AttributeType: 'S' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'gsi1',
        KeySchema: [
          { AttributeName: 'gpk', KeyType: 'HASH' },
          { AttributeName: 'gsk', KeyType: 'RANGE' },
        ],
        Projection: projection,
      },
    ],
    LocalSecondaryIndexes: [
      {
        IndexName: 'lsi1',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'lsk', KeyType: 'RANGE' },
        ],
        Projection: projection,
      },
    ],
    BillingMode: 'PAY_PER_REQUEST',
  }
}

/** A provisioned table keyed by `pk` (1 read and 1 write unit). */
export function provisionedHashTable(): TableSpec {
  return {
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
  }
}
