import { type AuthjsTableOptions, type Emulator, startEmulator } from '@auth-dynamo/harness'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument, ScanCommand, type TranslateConfig } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll } from 'vitest'
import { DynamoDBAdapter, type DynamoDBAdapterOptions } from '../../../src/index.js'

/** A test file's emulator; TTL sweeping is manual so expired items stay readable until asked. */
export interface EmulatorFixture {
  readonly emulator: Emulator
  /** A document client over HTTP with the marshall options the Auth.js docs recommend. */
  readonly client: DynamoDBDocument
}

/**
 * Starts one emulator for the calling test file (beforeAll) and stops it (afterAll). Read the
 * returned object's fields inside tests or hooks, not at module level.
 */
export function useEmulator(): EmulatorFixture {
  const fixture = {} as { emulator: Emulator; client: DynamoDBDocument }
  beforeAll(async () => {
    fixture.emulator = await startEmulator({ ttl: { mode: 'manual' } })
    fixture.client = documentClient(fixture.emulator, {
      marshallOptions: {
        convertEmptyValues: true,
        removeUndefinedValues: true,
        convertClassInstanceToMap: true,
      },
    })
  })
  afterAll(async () => {
    fixture.client?.destroy()
    await fixture.emulator?.stop()
  })
  return fixture
}

/** A real `DynamoDBDocument` talking to the emulator over HTTP. */
export function documentClient(emulator: Emulator, translateConfig?: TranslateConfig) {
  const client = new DynamoDBClient({
    endpoint: emulator.endpoint,
    region: emulator.region,
    credentials: emulator.credentials,
  })
  return DynamoDBDocument.from(client, translateConfig)
}

/** A fresh, uniquely named Auth.js table and an adapter on it. */
export async function freshAdapter(
  fixture: EmulatorFixture,
  options: Omit<AuthjsTableOptions, 'tableName'> & { tableName?: string } = {},
) {
  const { tableName } = await fixture.emulator.createAuthjsTable(options)
  const adapterOptions: DynamoDBAdapterOptions = { ...options, tableName }
  return {
    tableName,
    options: adapterOptions,
    adapter: DynamoDBAdapter(fixture.client, adapterOptions),
  }
}

/** Every item of a table, read straight from DynamoDB (a probe, not through the adapter). */
export async function scanAll(client: DynamoDBDocument, tableName: string) {
  const items: Record<string, unknown>[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey }))
    items.push(...(page.Items ?? []))
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return items
}

/** One item by primary key, read straight from DynamoDB. */
export async function rawItem(
  client: DynamoDBDocument,
  tableName: string,
  key: Record<string, string>,
) {
  const { Item } = await client.get({ TableName: tableName, Key: key })
  return Item
}

/**
 * A document client that counts the DynamoDB operations it sends (by command name, e.g.
 * `QueryCommand`), through an SDK middleware on the real client.
 */
export function countingClient(emulator: Emulator) {
  const client = documentClient(emulator, { marshallOptions: { removeUndefinedValues: true } })
  const counts = new Map<string, number>()
  client.middlewareStack.add(
    (next, context) => (args) => {
      const name = String(context.commandName)
      counts.set(name, (counts.get(name) ?? 0) + 1)
      return next(args)
    },
    { step: 'initialize', name: 'countOperations' },
  )
  return { client, counts }
}
