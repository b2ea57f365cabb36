import type { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import {
  adminClient,
  authjsTable,
  type Emulator,
  type EmulatorNamespace,
  startEmulator,
} from '../../src/index.js'
import { namespaceClient } from '../support/namespace-clients.js'

const TableName = 'next-auth'
// Long enough that nothing shows by itself while a test looks; tests that need the writes
// to show call flush(), or wait for the timer in the one test about it.
const LONG_LAG = 60_000

let emulator: Emulator
let namespace: EmulatorNamespace
let client: DynamoDBDocument

beforeAll(async () => {
  emulator = await startEmulator({ clock: 'manual', ttl: { mode: 'manual' } })
})
afterAll(() => emulator.stop())

beforeEach(async () => {
  namespace = await emulator.createNamespace({ indexLag: { [TableName]: LONG_LAG } })
  client = namespaceClient(emulator, namespace)
  return async () => {
    client.destroy()
    await namespace.dispose()
  }
})

const byEmail = async (email: string, table = TableName, target = client) =>
  (
    await target.query({
      TableName: table,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK = :sk',
      ExpressionAttributeValues: { ':pk': `USER#${email}`, ':sk': `USER#${email}` },
    })
  ).Items ?? []

const user = (id: string, email: string) => ({
  pk: `USER#${id}`,
  sk: `USER#${id}`,
  GSI1PK: `USER#${email}`,
  GSI1SK: `USER#${email}`,
  email,
})

describe('a table with an index lag', () => {
  test('a new item is in the table at once and in the index only after the lag', async () => {
    await client.put({ TableName, Item: user('1', 'a@example.com') })
    expect((await client.get({ TableName, Key: { pk: 'USER#1', sk: 'USER#1' } })).Item).toEqual(
      user('1', 'a@example.com'),
    )
    expect(await byEmail('a@example.com')).toEqual([])
    expect((await client.scan({ TableName, IndexName: 'GSI1' })).Count).toBe(0)
    expect(namespace.indexLag.status()).toEqual({
      defaultMs: 0,
      tables: { [TableName]: LONG_LAG },
      pending: 1,
    })
    expect(await namespace.indexLag.flush()).toBe(1)
    expect(await byEmail('a@example.com')).toEqual([user('1', 'a@example.com')])
  })

  test('an update keeps the old index entry (with the old attributes) until the lag passes', async () => {
    await client.put({ TableName, Item: user('1', 'old@example.com') })
    await namespace.indexLag.flush()
    await client.update({
      TableName,
      Key: { pk: 'USER#1', sk: 'USER#1' },
      UpdateExpression: 'SET GSI1PK = :pk, GSI1SK = :pk, email = :email',
      ExpressionAttributeValues: { ':pk': 'USER#new@example.com', ':email': 'new@example.com' },
    })
    expect(await byEmail('new@example.com')).toEqual([])
    expect(await byEmail('old@example.com')).toEqual([user('1', 'old@example.com')])
    await namespace.indexLag.flush()
    expect(await byEmail('old@example.com')).toEqual([])
    expect(await byEmail('new@example.com')).toEqual([user('1', 'new@example.com')])
  })

  test('a deleted item stays findable through the index until the lag passes', async () => {
    await client.put({ TableName, Item: user('1', 'a@example.com') })
    await namespace.indexLag.flush()
    await client.delete({ TableName, Key: { pk: 'USER#1', sk: 'USER#1' } })
    expect(await byEmail('a@example.com')).toHaveLength(1)
    await namespace.indexLag.flush()
    expect(await byEmail('a@example.com')).toEqual([])
  })

  test('writes show in the order they were made', async () => {
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) {
      await client.put({ TableName, Item: user('1', email) })
    }
    await client.batchWrite({
      RequestItems: { [TableName]: [{ PutRequest: { Item: user('2', 'd@example.com') } }] },
    })
    expect(await namespace.indexLag.flush()).toBe(4)
    const entries = (await client.scan({ TableName, IndexName: 'GSI1' })).Items ?? []
    expect(entries.map((item) => item.email).sort()).toEqual(['c@example.com', 'd@example.com'])
  })

  test('the index catches up by itself once the lag has passed', async () => {
    await namespace.indexLag.set(200, { tableName: TableName })
    await client.put({ TableName, Item: user('1', 'a@example.com') })
    let found: unknown[] = []
    const deadline = Date.now() + 10_000
    while (found.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      found = await byEmail('a@example.com')
    }
    expect(found).toEqual([user('1', 'a@example.com')])
    expect(namespace.indexLag.status().pending).toBe(0)
  })

  test('setting the lag to 0 shows every waiting write at once', async () => {
    await client.put({ TableName, Item: user('1', 'a@example.com') })
    await namespace.indexLag.set(0, { tableName: TableName })
    expect(await byEmail('a@example.com')).toHaveLength(1)
    expect(namespace.indexLag.status()).toEqual({ defaultMs: 0, tables: {}, pending: 0 })
  })

  test("a committed transaction's items reach the index after the lag; a cancelled one's never", async () => {
    const claim = (owner: string) => ({
      Put: {
        TableName,
        Item: { pk: 'UNIQUE#a@example.com', sk: 'UNIQUE#a@example.com', owner },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })
    await client.transactWrite({
      TransactItems: [{ Put: { TableName, Item: user('1', 'a@example.com') } }, claim('1')],
    })
    await expect(
      client.transactWrite({
        TransactItems: [{ Put: { TableName, Item: user('2', 'a@example.com') } }, claim('2')],
      }),
    ).rejects.toThrow(expect.objectContaining({ name: 'TransactionCanceledException' }))
    expect(await byEmail('a@example.com')).toEqual([])
    expect(namespace.indexLag.status().pending).toBe(1)

    expect(await namespace.indexLag.flush()).toBe(1)
    expect(await byEmail('a@example.com')).toEqual([user('1', 'a@example.com')])
  })

  test('local secondary indexes change with the write', async () => {
    await namespace.createTable({
      TableName: 'with-lsi',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'other', AttributeType: 'S' },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: 'LSI1',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'other', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    })
    await namespace.indexLag.set(LONG_LAG)
    await client.put({ TableName: 'with-lsi', Item: { pk: 'a', sk: '1', other: 'x' } })
    const local = await client.query({
      TableName: 'with-lsi',
      IndexName: 'LSI1',
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'a' },
    })
    expect(local.Count).toBe(1)
  })

  test('a table deleted and made again never gets the old writes', async () => {
    await client.put({ TableName, Item: user('1', 'a@example.com') })
    await namespace.deleteTable(TableName)
    await namespace.createTable(authjsTable())
    expect(namespace.indexLag.status().pending).toBe(1)
    await client.put({ TableName, Item: user('2', 'b@example.com') })
    await namespace.indexLag.flush()
    const entries = (await client.scan({ TableName, IndexName: 'GSI1' })).Items ?? []
    expect(entries.map((item) => item.email)).toEqual(['b@example.com'])
  })
})

describe('scope and settings', () => {
  test('other tables and other namespaces have no lag', async () => {
    const { tableName } = await namespace.createAuthjsTable()
    await client.put({ TableName: tableName, Item: user('1', 'a@example.com') })
    expect(await byEmail('a@example.com', tableName)).toHaveLength(1)

    const other = await emulator.createNamespace()
    const otherClient = namespaceClient(emulator, other)
    await otherClient.put({ TableName, Item: user('1', 'a@example.com') })
    expect(await byEmail('a@example.com', TableName, otherClient)).toHaveLength(1)
    otherClient.destroy()
    await other.dispose()
  })

  test('reset puts back the lag the namespace was made with', async () => {
    await namespace.indexLag.set(5, { tableName: TableName })
    await namespace.indexLag.set(7)
    await namespace.reset()
    expect(namespace.indexLag.status()).toEqual({
      defaultMs: 0,
      tables: { [TableName]: LONG_LAG },
      pending: 0,
    })
  })

  test('startEmulator({ indexLag }) applies to the default namespace and to new ones', async () => {
    await using lagging = await startEmulator({ indexLag: 1234, ttl: { mode: 'manual' } })
    expect(lagging.namespace().indexLag.status().defaultMs).toBe(1234)
    expect((await lagging.createNamespace()).indexLag.status().defaultMs).toBe(1234)
    expect((await lagging.createNamespace({ indexLag: 0 })).indexLag.status().defaultMs).toBe(0)
  })

  test.each([-1, 1.5, 600_001, 'fast', [1]])(
    'a lag of %j is refused naming the option',
    async (lag) => {
      await expect(startEmulator({ indexLag: lag as never })).rejects.toThrow(
        expect.objectContaining({
          code: 'INVALID_OPTIONS',
          message: expect.stringMatching(/indexLag/),
        }),
      )
      await expect(emulator.createNamespace({ indexLag: lag as never })).rejects.toThrow(
        expect.objectContaining({
          code: 'INVALID_OPTIONS',
          message: expect.stringMatching(/indexLag/),
        }),
      )
      await expect(namespace.indexLag.set(lag as never)).rejects.toThrow(/indexLag/)
    },
  )

  test('the admin API reads, sets and flushes the lag, and makes namespaces with one', async () => {
    const admin = adminClient(emulator.endpoint)
    const scoped = admin.namespace(namespace.id)
    expect(await scoped.indexLag.status()).toEqual({
      defaultMs: 0,
      tables: { [TableName]: LONG_LAG },
      pending: 0,
    })
    await client.put({ TableName, Item: user('1', 'a@example.com') })
    expect(await scoped.indexLag.flush({ tableName: TableName })).toEqual({ applied: 1 })
    expect(await scoped.indexLag.set(250)).toEqual({ defaultMs: 250, tables: {}, pending: 0 })
    await expect(scoped.indexLag.set(-5)).rejects.toThrow(/400: Bad request body \(lagMs/)
    const info = await admin.createNamespace({ indexLag: { [TableName]: 99 } })
    expect(await admin.namespace(info.id).indexLag.status()).toMatchObject({
      tables: { [TableName]: 99 },
    })
    await admin.deleteNamespace(info.id)
  })
})
