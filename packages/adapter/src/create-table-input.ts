import type {
  CreateTableCommandInput,
  UpdateTimeToLiveCommandInput,
} from '@aws-sdk/client-dynamodb'
import { type DynamoDBAdapterOptions, resolveOptions } from './options.js'

/** The requests that create the Auth.js table: send `table`, wait until it is active, then `timeToLive`. */
export interface AuthjsTableInput {
  /** CreateTable input: the keys, the index (projection ALL), on-demand billing. */
  table: CreateTableCommandInput
  /** UpdateTimeToLive input: TTL on `expires` (epoch seconds). */
  timeToLive: UpdateTimeToLiveCommandInput
}

/**
 * The Auth.js table for the given adapter options, for apps that create it from code rather than
 * from a template. Pass the same options as to {@link DynamoDBAdapter}.
 *
 * @param options - table, key and index names; defaults as {@link DynamoDBAdapterOptions}.
 * @throws {@link DynamoDBAdapterError} with code `INVALID_OPTIONS`, naming the bad field.
 *
 * @example
 * ```ts
 * import { CreateTableCommand, UpdateTimeToLiveCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb'
 *
 * const { table, timeToLive } = createTableInput()
 * await client.send(new CreateTableCommand(table))
 * await waitUntilTableExists({ client, maxWaitTime: 120 }, { TableName: table.TableName })
 * await client.send(new UpdateTimeToLiveCommand(timeToLive))
 * ```
 */
export function createTableInput(options?: DynamoDBAdapterOptions): AuthjsTableInput {
  const resolved = resolveOptions(options)
  const { tableName, partitionKey, sortKey, indexName, indexPartitionKey, indexSortKey } = resolved
  return {
    table: {
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: partitionKey, AttributeType: 'S' },
        { AttributeName: sortKey, AttributeType: 'S' },
        { AttributeName: indexPartitionKey, AttributeType: 'S' },
        { AttributeName: indexSortKey, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: partitionKey, KeyType: 'HASH' },
        { AttributeName: sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: indexName,
          KeySchema: [
            { AttributeName: indexPartitionKey, KeyType: 'HASH' },
            { AttributeName: indexSortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    },
    timeToLive: {
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
    },
  }
}
