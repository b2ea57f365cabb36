import type {
  CreateTableCommandInput,
  UpdateTimeToLiveCommandInput,
} from '@aws-sdk/client-dynamodb'
import type { AuthjsTableNames } from './table-names.js'

/** The TTL attribute of the layout: `expires`, a Number of epoch seconds. */
export const authjsTtlAttribute = 'expires'

/** The requests that make an Auth.js table: CreateTable, then (once ACTIVE) UpdateTimeToLive. */
export interface AuthjsTableInput {
  /** String partition and sort keys, one index with projection ALL, on-demand billing. */
  readonly table: CreateTableCommandInput
  /** TTL on `expires`. */
  readonly timeToLive: UpdateTimeToLiveCommandInput
}

/**
 * The Auth.js table for the given names, as the backends create it on DynamoDB Local and AWS.
 *
 * @param names - resolved names (see `resolveTableNames`)
 */
export function authjsTableInput(names: AuthjsTableNames): AuthjsTableInput {
  const keys = [names.partitionKey, names.sortKey, names.indexPartitionKey, names.indexSortKey]
  return {
    table: {
      TableName: names.tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keys.map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
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
    },
    timeToLive: {
      TableName: names.tableName,
      TimeToLiveSpecification: { AttributeName: authjsTtlAttribute, Enabled: true },
    },
  }
}
