import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type KeySchemaElement,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  waitUntilTableNotExists,
} from '@aws-sdk/client-dynamodb'
import { DynamoDBConformanceError } from './dynamodb-conformance-error.js'
import { authjsTableInput } from './table-input.js'
import type { AuthjsTableNames } from './table-names.js'

/**
 * Creates the Auth.js table, waits until it is ACTIVE, then turns TTL on.
 *
 * @param client - a client of the backend
 * @param names - the table's names
 * @param maxWaitSeconds - how long to wait for ACTIVE (real DynamoDB takes seconds)
 * @throws the SDK's errors (a table that exists, missing permissions), and the waiter's timeout
 */
export async function createAuthjsTable(
  client: DynamoDBClient,
  names: AuthjsTableNames,
  maxWaitSeconds: number,
): Promise<void> {
  const { table, timeToLive } = authjsTableInput(names)
  await client.send(new CreateTableCommand(table))
  await waitUntilTableExists(
    { client, maxWaitTime: maxWaitSeconds, minDelay: 1, maxDelay: 5 },
    { TableName: names.tableName },
  )
  await client.send(new UpdateTimeToLiveCommand(timeToLive))
}

/**
 * Deletes a table and waits until it is gone (DeleteTable only starts the deletion); one that is
 * already gone is not an error.
 *
 * @param client - a client of the backend
 * @param tableName - the table
 * @param maxWaitSeconds - how long to wait for it to go
 * @throws the SDK's errors, and the waiter's timeout
 */
export async function deleteTableIfExists(
  client: DynamoDBClient,
  tableName: string,
  maxWaitSeconds: number,
): Promise<void> {
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }))
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return
    throw error
  }
  await waitUntilTableNotExists(
    { client, maxWaitTime: maxWaitSeconds, minDelay: 1, maxDelay: 5 },
    { TableName: tableName },
  )
}

const keyOf = (schema: KeySchemaElement[] | undefined, type: 'HASH' | 'RANGE') =>
  schema?.find((element) => element.KeyType === type)?.AttributeName

/**
 * Checks that an existing table has the Auth.js layout under the given names: its keys, and an
 * index with the given name and keys.
 *
 * @param client - a client of the backend
 * @param names - the names the adapter will use
 * @throws {@link DynamoDBConformanceError} `DYNAMODB_TABLE_MISMATCH` naming each difference;
 *   the SDK's ResourceNotFoundException for a missing table
 */
export async function assertAuthjsTable(
  client: DynamoDBClient,
  names: AuthjsTableNames,
): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: names.tableName }))
  const index = Table?.GlobalSecondaryIndexes?.find(
    ({ IndexName }) => IndexName === names.indexName,
  )
  const problems: string[] = []
  const expect = (what: string, actual: string | undefined, wanted: string) => {
    if (actual !== wanted) problems.push(`${what} is ${actual ?? 'missing'}, expected ${wanted}`)
  }
  expect('the partition key', keyOf(Table?.KeySchema, 'HASH'), names.partitionKey)
  expect('the sort key', keyOf(Table?.KeySchema, 'RANGE'), names.sortKey)
  if (!index) {
    problems.push(`there is no global secondary index named ${names.indexName}`)
  } else {
    expect('the index partition key', keyOf(index.KeySchema, 'HASH'), names.indexPartitionKey)
    expect('the index sort key', keyOf(index.KeySchema, 'RANGE'), names.indexSortKey)
    expect('the index projection', index.Projection?.ProjectionType, 'ALL')
  }
  if (problems.length > 0) {
    throw new DynamoDBConformanceError(
      'DYNAMODB_TABLE_MISMATCH',
      `table "${names.tableName}" does not have the Auth.js layout for these names: ${problems.join('; ')}. Give the names the table was created with, or let the backend create a table.`,
    )
  }
}
