import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  adminClient,
  type Emulator,
  EmulatorError,
  type EmulatorNamespace,
  startEmulator,
} from '../../src/index.js'

const HOUR_MS = 3_600_000
const table = 'next-auth'

describe('namespaces keep what one test file does away from every other', () => {
  let emulator: Emulator
  let first: EmulatorNamespace
  let second: EmulatorNamespace
  const clients: DynamoDBDocument[] = []
  const documentClient = (credentials: { accessKeyId: string; secretAccessKey: string }) => {
    const client = DynamoDBDocument.from(
      new DynamoDBClient({
        endpoint: emulator.endpoint,
        region: emulator.region,
        credentials: { ...credentials },
        maxAttempts: 1,
      }),
    )
    clients.push(client)
    return client
  }

  beforeAll(async () => {
    emulator = await startEmulator({ clock: 'manual', ttl: { mode: 'manual' } })
    first = await emulator.createNamespace()
    second = await emulator.createNamespace()
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await emulator.stop()
  })

  const seconds = (namespace: EmulatorNamespace, offset = 0) =>
    Math.floor(namespace.clock.now().getTime() / 1000) + offset

  test('each namespace has the configured tables under their own names, and its own items', async () => {
    const db = documentClient(first.credentials)
    const other = documentClient(second.credentials)
    const shared = documentClient(emulator.credentials)
    expect(await first.listTables()).toEqual([table])
    expect(await second.listTables()).toEqual([table])

    await db.put({ TableName: table, Item: { pk: 'USER#1', sk: 'USER#1', name: 'first' } })
    await other.put({ TableName: table, Item: { pk: 'USER#1', sk: 'USER#1', name: 'second' } })
    const read = async (client: DynamoDBDocument) =>
      (await client.get({ TableName: table, Key: { pk: 'USER#1', sk: 'USER#1' } })).Item?.name
    expect(await read(db)).toBe('first')
    expect(await read(other)).toBe('second')
    expect(await read(shared)).toBeUndefined()
  })

  test("a table one namespace creates is not another's", async () => {
    const raw = new DynamoDBClient({
      endpoint: emulator.endpoint,
      region: emulator.region,
      credentials: { ...first.credentials },
    })
    await raw.send(
      new CreateTableCommand({
        TableName: 'only-in-first',
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      }),
    )
    expect((await raw.send(new ListTablesCommand({}))).TableNames).toContain('only-in-first')
    expect(await second.listTables()).not.toContain('only-in-first')
    expect(await emulator.listTables()).not.toContain('only-in-first')
    raw.destroy()
  })

  test("one namespace's clock and sweep expire only its own items", async () => {
    const db = documentClient(first.credentials)
    const other = documentClient(second.credentials)
    const item = (namespace: EmulatorNamespace) => ({
      pk: 'SESSION',
      sk: 'S1',
      expires: seconds(namespace, 3600),
    })
    await db.put({ TableName: table, Item: item(first) })
    await other.put({ TableName: table, Item: item(second) })

    first.clock.advance(2 * HOUR_MS)
    expect(await second.sweep()).toEqual({ deleted: 0 })
    expect(await emulator.sweep()).toEqual({ deleted: 0 })
    expect(await first.sweep()).toEqual({ deleted: 1 })
    const key = { pk: 'SESSION', sk: 'S1' }
    expect((await db.get({ TableName: table, Key: key })).Item).toBeUndefined()
    expect((await other.get({ TableName: table, Key: key })).Item).toBeDefined()
    expect(second.clock.now().getTime()).toBeLessThan(first.clock.now().getTime())
  })

  test('the admin API sweeps only the table and namespace it names', async () => {
    const admin = adminClient(emulator.endpoint)
    const created = await admin.createNamespace({ clock: 'manual' })
    const scoped = admin.namespace(created.id)
    const db = documentClient(created.credentials)
    const expires = Math.floor(created.clock.epochMs / 1000) + 60
    await scoped.createTable({
      TableName: 'other',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
    })
    await db.put({ TableName: table, Item: { pk: 'a', sk: 'a', expires } })
    await db.put({ TableName: 'other', Item: { pk: 'b', expires } })
    await scoped.advanceClock(HOUR_MS)

    // The bug this pins: a sweep of table "other" deleted table next-auth's expired item too.
    expect(await scoped.sweep({ tableName: 'other' })).toEqual({ deleted: 1 })
    expect(await scoped.items(table)).toMatchObject({ count: 1 })
    expect(await scoped.sweep()).toEqual({ deleted: 1 })
    await admin.deleteNamespace(created.id)
  })

  test('resetting one namespace leaves the others as they were', async () => {
    const db = documentClient(second.credentials)
    await db.put({ TableName: table, Item: { pk: 'KEEP', sk: 'KEEP' } })
    await first.reset()
    expect((await first.items(table)).count).toBe(0)
    expect((await second.items(table)).items).toContainEqual({ pk: 'KEEP', sk: 'KEEP' })
  })

  test('a deleted namespace answers its key with UnrecognizedClientException, and others go on', async () => {
    const doomed = await emulator.createNamespace()
    const db = documentClient(doomed.credentials)
    await db.put({ TableName: table, Item: { pk: 'x', sk: 'x' } })
    await doomed.dispose()
    await expect(db.get({ TableName: table, Key: { pk: 'x', sk: 'x' } })).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
      message: expect.stringContaining('no longer exists'),
    })
    expect(await second.listTables()).toEqual([table])
  })

  test('an access key with a principal suffix lands in the same namespace', async () => {
    const principal = documentClient({
      accessKeyId: `${first.credentials.accessKeyId}.admin`,
      secretAccessKey: 'x',
    })
    await principal.put({ TableName: table, Item: { pk: 'P', sk: 'P' } })
    expect((await first.items(table)).items).toContainEqual({ pk: 'P', sk: 'P' })
    expect(emulator.operations({ accessKeyId: `${first.credentials.accessKeyId}.admin` })).toEqual({
      PutItem: 1,
    })
  })

  test('the default namespace cannot be disposed of, and an unknown id is an error', async () => {
    await expect(emulator.namespace().dispose()).rejects.toThrow(EmulatorError)
    expect(() => emulator.namespace('nope')).toThrow(/No namespace nope/)
  })

  test('emulator.reset() deletes every namespace and empties the default one', async () => {
    const extra = await emulator.createNamespace()
    await emulator.reset()
    expect(() => emulator.namespace(extra.id)).toThrow(/No namespace/)
    expect(await adminClient(emulator.endpoint).health()).toMatchObject({ namespaces: 0 })
  })
})
