import { BatchWriteItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb'
import { afterEach, describe, expect, test } from 'vitest'
import { type Emulator, type EmulatorOptions, startEmulator } from '../../src/index.js'
import { clientFor, documentClientFor, epochSeconds } from '../support/clients.js'

const table = 'next-auth'
const running: Emulator[] = []
const start = async (options: EmulatorOptions = {}) => {
  const emulator = await startEmulator({ clock: 'manual', ttl: { mode: 'manual' }, ...options })
  running.push(emulator)
  return emulator
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.stop()))
})

const sessionItem = (token: string, expires: unknown) => ({
  pk: 'USER#user-1',
  sk: `SESSION#${token}`,
  GSI1PK: `SESSION#${token}`,
  GSI1SK: `SESSION#${token}`,
  type: 'SESSION',
  sessionToken: token,
  userId: 'user-1',
  expires,
})

describe('TTL sweeper', () => {
  test('an expired session item is gone after clock.advance and sweep(), from the table and its index', async () => {
    const emulator = await start()
    const db = documentClientFor(emulator)
    await db.put({ TableName: table, Item: sessionItem('short', epochSeconds(emulator, 60)) })
    await db.put({ TableName: table, Item: sessionItem('long', epochSeconds(emulator, 3600)) })

    expect(await emulator.sweep()).toEqual({ deleted: 0 })
    emulator.clock.advance(61_000)
    expect(await emulator.sweep()).toEqual({ deleted: 1 })

    const remaining = await emulator.items(table)
    expect(remaining.items.map((item) => item.sessionToken)).toEqual(['long'])
    const byIndex = await db.query({
      TableName: table,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': 'SESSION#short' },
    })
    expect(byIndex.Items).toEqual([])
  })

  test('10,000 items of which 1,000 are expired lose exactly those 1,000 in one sweep', async () => {
    const emulator = await start()
    const client = clientFor(emulator)
    const now = epochSeconds(emulator)
    const items = Array.from({ length: 10_000 }, (_, index) => {
      const expired = index % 10 === 0
      return {
        pk: { S: `USER#${index % 97}` },
        sk: { S: `SESSION#${index}` },
        GSI1PK: { S: `SESSION#${index}` },
        GSI1SK: { S: `SESSION#${index}` },
        expires: { N: String(expired ? now - 1 - (index % 500) : now + 1 + (index % 500)) },
      }
    })
    for (let offset = 0; offset < items.length; offset += 25) {
      const { UnprocessedItems } = await client.send(
        new BatchWriteItemCommand({
          RequestItems: {
            [table]: items.slice(offset, offset + 25).map((Item) => ({ PutRequest: { Item } })),
          },
        }),
      )
      expect(UnprocessedItems ?? {}).toEqual({})
    }

    expect(await emulator.sweep()).toEqual({ deleted: 1_000 })
    const left = await emulator.items(table)
    expect(left.count).toBe(9_000)
    expect(left.items.every((item) => Number(String(item.sk).slice(8)) % 10 !== 0)).toBe(true)
    const index = await client.send(
      new QueryCommand({
        TableName: table,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'SESSION#0' } },
      }),
    )
    expect(index.Count).toBe(0)
  }, 120_000)

  test('a String, a milliseconds value, and a value older than five years are never deleted', async () => {
    const emulator = await start()
    const db = documentClientFor(emulator)
    const now = epochSeconds(emulator)
    await db.put({ TableName: table, Item: sessionItem('string', String(now - 10)) })
    await db.put({ TableName: table, Item: sessionItem('iso', new Date(0).toISOString()) })
    await db.put({ TableName: table, Item: sessionItem('millis', (now - 10) * 1000) })
    await db.put({ TableName: table, Item: sessionItem('ancient', now - 6 * 365 * 24 * 3600) })
    await db.put({ TableName: table, Item: sessionItem('no-expiry', undefined) })
    await db.put({ TableName: table, Item: sessionItem('expired', now - 10) })

    expect(await emulator.sweep()).toEqual({ deleted: 1 })
    const tokens = (await emulator.items(table)).items.map((item) => item.sessionToken).sort()
    expect(tokens).toEqual(['ancient', 'iso', 'millis', 'no-expiry', 'string'])
  })

  test('an item is deleted at exactly its expiry second, not before', async () => {
    const emulator = await start()
    const db = documentClientFor(emulator)
    const expires = epochSeconds(emulator, 10)
    await db.put({ TableName: table, Item: sessionItem('edge', expires) })
    emulator.clock.set(expires * 1000 - 1)
    expect(await emulator.sweep()).toEqual({ deleted: 0 })
    emulator.clock.set(expires * 1000)
    expect(await emulator.sweep()).toEqual({ deleted: 1 })
  })

  test('tables without TTL are never swept', async () => {
    const emulator = await start({
      tables: [
        {
          TableName: 'no-ttl',
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
        },
      ],
    })
    const db = documentClientFor(emulator)
    await db.put({ TableName: 'no-ttl', Item: { id: 'a', expires: epochSeconds(emulator, -100) } })
    expect(await emulator.sweep()).toEqual({ deleted: 0 })
  })

  test('a custom TTL attribute from a CloudFormation-style definition is honoured', async () => {
    const emulator = await start({
      tables: [
        {
          TableName: 'cfn',
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
          TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
        },
      ],
    })
    const db = documentClientFor(emulator)
    await db.put({ TableName: 'cfn', Item: { id: 'gone', ttl: epochSeconds(emulator, -1) } })
    await db.put({ TableName: 'cfn', Item: { id: 'kept', expires: epochSeconds(emulator, -1) } })
    expect(await emulator.sweep()).toEqual({ deleted: 1 })
    expect((await emulator.items('cfn')).items).toEqual([
      { id: 'kept', expires: epochSeconds(emulator, -1) },
    ])
  })

  test('lag mode keeps an expired item readable for lagMs, then deletes it', async () => {
    const emulator = await start({ ttl: { mode: 'lag', lagMs: 60_000, intervalMs: 60_000 } })
    const db = documentClientFor(emulator)
    const expires = epochSeconds(emulator, 10)
    await db.put({ TableName: table, Item: sessionItem('lagging', expires) })

    emulator.clock.set(expires * 1000 + 59_000)
    expect(await emulator.sweep()).toEqual({ deleted: 0 })
    const read = await db.get({
      TableName: table,
      Key: { pk: 'USER#user-1', sk: 'SESSION#lagging' },
    })
    expect(read.Item?.sessionToken).toBe('lagging')

    emulator.clock.set(expires * 1000 + 60_000)
    expect(await emulator.sweep()).toEqual({ deleted: 1 })
  })

  test('interval mode sweeps in the background', async () => {
    const emulator = await start({ ttl: { mode: 'interval', intervalMs: 20 } })
    const db = documentClientFor(emulator)
    await db.put({ TableName: table, Item: sessionItem('background', epochSeconds(emulator, 5)) })
    emulator.clock.advance(6_000)
    await expect
      .poll(async () => (await emulator.items(table)).count, { interval: 20, timeout: 10_000 })
      .toBe(0)
    expect(emulator.health().lastSweepError).toBeNull()
  })

  test('an item rewritten with a later expiry is not deleted', async () => {
    const emulator = await start()
    const db = documentClientFor(emulator)
    await db.put({ TableName: table, Item: sessionItem('renewed', epochSeconds(emulator, -5)) })
    await db.put({ TableName: table, Item: sessionItem('renewed', epochSeconds(emulator, 500)) })
    expect(await emulator.sweep()).toEqual({ deleted: 0 })
  })
})

describe('sweeping one table', () => {
  test('sweep({ tableName }) deletes only that table’s expired items', async () => {
    const emulator = await start()
    const db = documentClientFor(emulator)
    const mine = await emulator.createAuthjsTable()
    const theirs = await emulator.createAuthjsTable()
    for (const TableName of [mine.tableName, theirs.tableName]) {
      await db.put({ TableName, Item: sessionItem('old', epochSeconds(emulator, -1)) })
    }
    expect(await emulator.sweep({ tableName: mine.tableName })).toEqual({ deleted: 1 })
    expect((await emulator.items(theirs.tableName)).count).toBe(1)
    await expect(emulator.sweep({ tableName: 'missing-table' })).rejects.toMatchObject({
      code: 'TABLE_NOT_FOUND',
    })
  })
})
