import type { TableDefinition } from './table-definition.js'

/**
 * The names of the Auth.js table, its keys and its index: the same option names and defaults as
 * `@auth/dynamodb-adapter` and `@auth-dynamo/adapter`.
 */
export interface AuthjsTableOptions {
  /** @defaultValue `'next-auth'` */
  tableName?: string
  /** @defaultValue `'pk'` */
  partitionKey?: string
  /** @defaultValue `'sk'` */
  sortKey?: string
  /** @defaultValue `'GSI1'` */
  indexName?: string
  /** @defaultValue `'GSI1PK'` */
  indexPartitionKey?: string
  /** @defaultValue `'GSI1SK'` */
  indexSortKey?: string
}

/** The defaults of {@link AuthjsTableOptions}. */
export const authjsTableDefaults = {
  tableName: 'next-auth',
  partitionKey: 'pk',
  sortKey: 'sk',
  indexName: 'GSI1',
  indexPartitionKey: 'GSI1PK',
  indexSortKey: 'GSI1SK',
} as const satisfies Required<AuthjsTableOptions>

/** The attribute that holds expiry times of sessions and verification tokens. */
export const authjsTtlAttribute = 'expires'

/**
 * The Auth.js table as a CreateTable input: string partition and sort keys, one global
 * secondary index with ALL projection, on-demand billing, and TTL on `expires`.
 *
 * @param options - custom names; anything left out takes the adapter's default
 */
export function authjsTable(options: AuthjsTableOptions = {}): TableDefinition {
  const names = { ...authjsTableDefaults, ...withoutUndefined(options) }
  const keyNames = [names.partitionKey, names.sortKey, names.indexPartitionKey, names.indexSortKey]
  return {
    TableName: names.tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...new Set(keyNames)].map((AttributeName) => ({
      AttributeName,
      AttributeType: 'S',
    })),
    KeySchema: [
      { AttributeName: names.partitionKey, KeyType: 'HASH' },
      { AttributeName: names.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: names.indexName,
        KeySchema: [
          { AttributeName: names.indexPartitionKey, KeyType: 'HASH' },
          { AttributeName: names.indexSortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
    TimeToLiveSpecification: { AttributeName: authjsTtlAttribute, Enabled: true },
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as Partial<T>
}
