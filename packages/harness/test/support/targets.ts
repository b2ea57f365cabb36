import { randomBytes } from 'node:crypto'
import {
  type AttributeValue,
  CreateTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  PutItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb'
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb'
import { afterAll, beforeAll } from 'vitest'
import { type Emulator, startEmulator } from '../../src/index.js'
import { clientFor } from './clients.js'
import { type RunningDynamoDBLocal, startDynamoDBLocal } from './dynamodb-local.js'

/** A DynamoDB the same table-driven cases run against. */
export interface Target {
  readonly name: 'emulator' | 'DynamoDB Local'
  readonly client: DynamoDBClient
  /** Its HTTP endpoint. */
  readonly endpoint: string
  /** The emulator, when this target is one. */
  readonly emulator: Emulator | undefined
  stop(): Promise<void>
}

/** The emulator, with a manual clock and manual TTL sweeps, and no tables. */
export async function emulatorTarget(): Promise<Target> {
  const emulator = await startEmulator({ tables: [], clock: 'manual', ttl: { mode: 'manual' } })
  const client = clientFor(emulator)
  return {
    name: 'emulator',
    client,
    endpoint: emulator.endpoint,
    emulator,
    stop: async () => {
      client.destroy()
      await emulator.stop()
    },
  }
}

/** A DynamoDB Local of its own. */
export async function dynamodbLocalTarget(): Promise<Target> {
  const local: RunningDynamoDBLocal = await startDynamoDBLocal()
  return {
    name: 'DynamoDB Local',
    client: local.client,
    endpoint: local.endpoint,
    emulator: undefined,
    stop: local.stop,
  }
}

/** A table name no other case uses. */
export function uniqueTableName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`
}

/** A table with a string partition key `pk` (and whatever else `extra` adds), on demand. */
export async function createTable(
  client: DynamoDBClient,
  prefix: string,
  extra: Partial<CreateTableCommandInput> = {},
): Promise<string> {
  const TableName = uniqueTableName(prefix)
  await client.send(
    new CreateTableCommand({
      TableName,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      ...extra,
    }),
  )
  return TableName
}

/** Puts plain items. */
export async function seed(
  client: DynamoDBClient,
  tableName: string,
  items: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  for (const item of items) {
    await client.send(new PutItemCommand({ TableName: tableName, Item: marshall(item) }))
  }
}

/** Every item of a table as plain objects, sorted by `pk`. */
export async function scanAll(
  client: DynamoDBClient,
  tableName: string,
): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, AttributeValue>> = []
  let start: Record<string, AttributeValue> | undefined
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start }),
    )
    items.push(...(page.Items ?? []))
    start = page.LastEvaluatedKey
  } while (start)
  return items
    .map((item) => unmarshall(item))
    .sort((a, b) => String(a.pk).localeCompare(String(b.pk)))
}

/** Starts the emulator before the tests of the enclosing `describe`; returns the running target. */
export function onEmulator(): () => Target {
  return startedFor(emulatorTarget, 60_000)
}

/**
 * Starts DynamoDB Local before the tests of the enclosing `describe` (one JVM for the whole
 * block: it takes seconds to start); returns the running target.
 */
export function onDynamodbLocal(): () => Target {
  return startedFor(dynamodbLocalTarget, 330_000)
}

function startedFor(start: () => Promise<Target>, timeoutMs: number): () => Target {
  let target: Target | undefined
  beforeAll(async () => {
    target = await start()
  }, timeoutMs)
  afterAll(() => target?.stop())
  return () => {
    if (!target) throw new Error('The target did not start: see the beforeAll error')
    return target
  }
}
