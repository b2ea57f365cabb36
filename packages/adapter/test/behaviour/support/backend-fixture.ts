import { type DynamoDBDocument, ScanCommand } from '@aws-sdk/lib-dynamodb'
import { DynamoDBAdapter, type DynamoDBAdapterOptions } from '../../../src/index.js'
import type { TestBackend } from '../../support/test-backend.js'

/** A fresh, uniquely named Auth.js table on the backend and an adapter on it. */
export async function freshAdapter(
  backend: TestBackend,
  options: Omit<DynamoDBAdapterOptions, 'tableName'> = {},
) {
  const { tableName } = await backend.createAuthjsTable(options)
  const adapterOptions: DynamoDBAdapterOptions = { ...options, tableName }
  return {
    tableName,
    options: adapterOptions,
    adapter: DynamoDBAdapter(backend.client, adapterOptions),
  }
}

/** Every item of a table, read straight from DynamoDB (a probe, not through the adapter). */
export async function scanAll(client: DynamoDBDocument, tableName: string) {
  const items: Record<string, unknown>[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey, ConsistentRead: true }),
    )
    items.push(...(page.Items ?? []))
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return items
}

/** The items of a table without the uniqueness claims, which only the adapter reads. */
export async function scanEntities(client: DynamoDBDocument, tableName: string) {
  return (await scanAll(client, tableName)).filter(
    (item) => !String(item.type ?? '').startsWith('UNIQUE_'),
  )
}

/** One item by primary key, read straight from DynamoDB. */
export async function rawItem(
  client: DynamoDBDocument,
  tableName: string,
  key: Record<string, string>,
) {
  const { Item } = await client.get({ TableName: tableName, Key: key, ConsistentRead: true })
  return Item
}

/**
 * A document client on the backend that counts the DynamoDB operations it sends (by command
 * name, e.g. `QueryCommand`), through an SDK middleware on the real client.
 */
export function countingClient(backend: TestBackend) {
  const client = backend.documentClient({ marshallOptions: { removeUndefinedValues: true } })
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
