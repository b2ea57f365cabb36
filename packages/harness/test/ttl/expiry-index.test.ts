import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  BatchWriteItemCommand,
  DeleteTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb'
import { afterEach, describe, expect, test } from 'vitest'
import { type Emulator, type EmulatorOptions, startEmulator } from '../../src/index.js'
import { clientFor, documentClientFor, epochSeconds } from '../support/clients.js'

// The sweeper reads an expiry index kept by every write path instead of scanning tables; each
// test here changes items by one path and checks that a sweep deletes exactly what expired.
const table = 'next-auth'
const running: Emulator[] = []
const directories: string[] = []
const start = async (options: EmulatorOptions = {}) => {
  const emulator = await startEmulator({ clock: 'manual', ttl: { mode: 'manual' }, ...options })
  running.push(emulator)
  return emulator
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.stop()))
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true })
})

const session = (token: string, expires: unknown) => ({
  pk: `USER#${token}`,
  sk: `SESSION#${token}`,
  type: 'SESSION',
  expires,
})
const tokensOf = async (emulator: Emulator, tableName = table) =>
  (await emulator.items(tableName)).items.map((item) => String(item.pk).slice(5)).sort()

describe('expiry index: every write path', () => {
  test('UpdateItem that sets, moves or removes the TTL attribute is what a sweep sees', async () => {
    const emulator = await start()
    const db = documentClientFor(emulator)
    const past = epochSeconds(emulator, -10)
    const future = epochSeconds(emulator, 3600)
    await db.put({ TableName: table, Item: session('set-later', undefined) })
    await db.put({ TableName: table, Item: session('moved-out', past) })
    await db.put({ TableName: table, Item: session('removed', past) })
    await db.put({ TableName: table, Item: session('to-string', past) })
    const update = (token: string, expression: string, values?: Record<string, unknown>) =>
      db.update({
        TableName: table,
        Key: { pk: `USER#${token}`, sk: `SESSION#${token}` },
        UpdateExpression: expression,
        ...(values ? { ExpressionAttributeValues: values } : {}),
      })
    await update('set-later', 'SET expires = :past', { ':past': past })
    await update('moved-out', 'SET expires = :future', { ':future': future })
    await update('removed', 'REMOVE expires')
    await update('to-string', 'SET expires = :text', { ':text': String(past) })

    expect(await emulator.sweep()).toEqual({ deleted: 1 })
    expect(await tokensOf(emulator)).toEqual(['moved-out', 'removed', 'to-string'])
  })

  test('DeleteItem and a BatchWriteItem delete leave nothing for the sweep to trip on', async () => {
    const emulator = await start()
    const db = documentClientFor(emulator)
    const past = epochSeconds(emulator, -10)
    for (const token of ['a', 'b', 'c']) {
      await db.put({ TableName: table, Item: session(token, past) })
    }
    await db.delete({ TableName: table, Key: { pk: 'USER#a', sk: 'SESSION#a' } })
    await db.batchWrite({
      RequestItems: { [table]: [{ DeleteRequest: { Key: { pk: 'USER#b', sk: 'SESSION#b' } } }] },
    })
    expect(await emulator.sweep()).toEqual({ deleted: 1 })
    expect(await emulator.sweep()).toEqual({ deleted: 0 })
    expect((await emulator.items(table)).count).toBe(0)
  })

  test('enabling TTL on a table that already holds items indexes them', async () => {
    const emulator = await start({
      tables: [
        {
          TableName: 'later',
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
        },
      ],
    })
    const db = documentClientFor(emulator)
    await db.put({ TableName: 'later', Item: { pk: 'USER#old', ttl: epochSeconds(emulator, -5) } })
    await db.put({ TableName: 'later', Item: { pk: 'USER#new', ttl: epochSeconds(emulator, 50) } })
    expect(await emulator.sweep()).toEqual({ deleted: 0 })

    await clientFor(emulator).send(
      new UpdateTimeToLiveCommand({
        TableName: 'later',
        TimeToLiveSpecification: { Enabled: true, AttributeName: 'ttl' },
      }),
    )
    expect(await emulator.sweep()).toEqual({ deleted: 1 })
    expect(await tokensOf(emulator, 'later')).toEqual(['new'])
  })

  test('disabling TTL, or changing its attribute, forgets what the old attribute said', async () => {
    const emulator = await start()
    const client = clientFor(emulator)
    const db = documentClientFor(emulator)
    await db.put({
      TableName: table,
      Item: { ...session('x', epochSeconds(emulator, -5)), other: epochSeconds(emulator, 99) },
    })
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: table,
        TimeToLiveSpecification: { Enabled: false, AttributeName: 'expires' },
      }),
    )
    expect(await emulator.sweep()).toEqual({ deleted: 0 })
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: table,
        TimeToLiveSpecification: { Enabled: true, AttributeName: 'other' },
      }),
    )
    expect(await emulator.sweep()).toEqual({ deleted: 0 })
    emulator.clock.advance(100_000)
    expect(await emulator.sweep()).toEqual({ deleted: 1 })
  })

  test('a deleted and re-created table, and reset(), start with an empty index', async () => {
    const emulator = await start()
    const db = documentClientFor(emulator)
    await db.put({ TableName: table, Item: session('before-delete', epochSeconds(emulator, 5)) })
    await clientFor(emulator).send(new DeleteTableCommand({ TableName: table }))
    await emulator.createTable({
      TableName: table,
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
    })
    await db.put({ TableName: table, Item: session('after-create', epochSeconds(emulator, 20)) })
    emulator.clock.advance(10_000)
    expect(await emulator.sweep()).toEqual({ deleted: 0 })

    await db.put({ TableName: table, Item: session('before-reset', epochSeconds(emulator, -1)) })
    await emulator.reset()
    expect(await emulator.sweep()).toEqual({ deleted: 0 })
    await db.put({ TableName: table, Item: session('after-reset', epochSeconds(emulator, -1)) })
    expect(await emulator.sweep()).toEqual({ deleted: 1 })
  })

  test('a persisted store opened again has its expiries indexed', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'auth-dynamo-expiry-'))
    directories.push(directory)
    const first = await start({ persist: directory })
    const db = documentClientFor(first)
    const expires = epochSeconds(first, 60)
    await db.put({ TableName: table, Item: session('persisted', expires) })
    await db.put({ TableName: table, Item: session('kept', expires + 3600) })
    await first.stop()

    const second = await start({ persist: directory })
    second.clock.set(expires * 1000)
    expect(await second.sweep()).toEqual({ deleted: 1 })
    expect(await tokensOf(second)).toEqual(['kept'])
  })

  test('100,000 items of which 1,000 are expired lose exactly those 1,000 in one sweep', async () => {
    const emulator = await start()
    const client = clientFor(emulator)
    const now = epochSeconds(emulator)
    const count = 100_000
    const item = (index: number) => ({
      pk: { S: `USER#${index}` },
      sk: { S: `SESSION#${index}` },
      expires: { N: String(index % 100 === 0 ? now - 1 - (index % 700) : now + 1 + (index % 700)) },
    })
    let next = 0
    const writer = async () => {
      while (next < count) {
        const offset = next
        next += 25
        const batch = Array.from({ length: 25 }, (_, i) => item(offset + i))
        const { UnprocessedItems } = await client.send(
          new BatchWriteItemCommand({
            RequestItems: { [table]: batch.map((Item) => ({ PutRequest: { Item } })) },
          }),
        )
        expect(UnprocessedItems ?? {}).toEqual({})
      }
    }
    await Promise.all([writer(), writer(), writer(), writer()])

    expect(await emulator.sweep()).toEqual({ deleted: 1_000 })
    expect(await emulator.sweep()).toEqual({ deleted: 0 })
    const left = await emulator.items(table, 'dynamodb')
    expect(left.count).toBe(99_000)
    expect(
      left.items.some((kept) => Number((kept.expires as { N?: string } | undefined)?.N) <= now),
    ).toBe(false)
  }, 900_000)
})
