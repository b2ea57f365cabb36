import type { AuthjsTableOptions } from '../../../src/dynamodb/index.js'

/** Every table, key and index name changed, so a hard-coded default anywhere shows. */
export const customTableNames: AuthjsTableOptions = {
  tableName: 'custom-auth',
  partitionKey: 'PK',
  sortKey: 'SK',
  indexName: 'by-lookup',
  indexPartitionKey: 'lookupPK',
  indexSortKey: 'lookupSK',
}

/**
 * Custom user fields of every DynamoDB type the document client maps: strings, numbers
 * (including 0), booleans (including false), null, a list, a map, and a Date (stored as an ISO
 * string, read back as a Date). A field named `pk` is an ordinary field once the partition key
 * is called something else.
 */
export function customUserFields(): Record<string, unknown> {
  return {
    role: 'admin',
    loginCount: 0,
    beta: false,
    nickname: null,
    tags: ['early-adopter', 'beta'],
    preferences: { theme: 'dark', digest: { weekly: true, hour: 9 } },
    lastLoginAt: new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000),
    pk: 'not a key here',
  }
}
