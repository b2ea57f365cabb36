import { setTimeout as sleep } from 'node:timers/promises'
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb'
import { EmulatorError } from '../errors/emulator-error.js'
import type { TtlRegistry } from '../ttl/ttl-registry.js'
import { toCreateTableInput } from './cloudformation-properties.js'
import type { TableDefinition } from './table-definition.js'

// dynalite flips a table's status on its next timer tick; this bounds the wait for it.
const settleAttempts = 500

/**
 * Creates a table (CloudFormation-only properties dropped), waits until it is ACTIVE, and
 * enables its TTL when the definition asks for it. With `ifMissing`, an existing table of that
 * name is kept as it is (a persisted emulator restarting).
 *
 * @throws {@link EmulatorError} `TABLE_SETUP_FAILED` naming the table and DynamoDB's reason
 */
export async function createTable(
  client: DynamoDBClient,
  registry: TtlRegistry,
  definition: TableDefinition,
  { ifMissing = false }: { ifMissing?: boolean } = {},
): Promise<void> {
  const { input, timeToLive } = toCreateTableInput(definition)
  const tableName = definition.TableName
  if (ifMissing && (await tableStatus(client, tableName)) !== undefined) return

  try {
    await client.send(new CreateTableCommand(input))
  } catch (error) {
    throw new EmulatorError(
      'TABLE_SETUP_FAILED',
      `Could not create table ${tableName}: ${(error as Error).message}`,
      { cause: error },
    )
  }
  await waitFor(async () => (await tableStatus(client, tableName)) === 'ACTIVE', tableName)
  if (timeToLive?.Enabled) registry.enable(tableName, timeToLive.AttributeName)
}

/** Deletes a table and waits until it is gone; a missing table is not an error. */
export async function deleteTable(
  client: DynamoDBClient,
  registry: TtlRegistry,
  tableName: string,
): Promise<void> {
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }))
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error
  }
  registry.disable(tableName)
  await waitFor(async () => (await tableStatus(client, tableName)) === undefined, tableName)
}

async function tableStatus(client: DynamoDBClient, tableName: string): Promise<string | undefined> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }))
    return Table?.TableStatus
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined
    throw error
  }
}

async function waitFor(condition: () => Promise<boolean>, tableName: string): Promise<void> {
  for (let attempt = 0; attempt < settleAttempts; attempt++) {
    if (await condition()) return
    await sleep(attempt < 10 ? 0 : 2)
  }
  throw new EmulatorError('TABLE_SETUP_FAILED', `Table ${tableName} did not settle in time`)
}
