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

let emulator: Emulator
let namespace: EmulatorNamespace
let client: DynamoDBDocument

beforeAll(async () => {
  emulator = await startEmulator({ clock: 'manual', ttl: { mode: 'manual' } })
})
afterAll(() => emulator.stop())

beforeEach(async () => {
  namespace = await emulator.createNamespace()
  client = namespaceClient(emulator, namespace)
  return async () => {
    client.destroy()
    await namespace.dispose()
  }
})

const user = (id: string) => ({
  pk: `USER#${id}`,
  sk: `USER#${id}`,
  GSI1PK: `USER#${id}@example.com`,
  GSI1SK: `USER#${id}@example.com`,
  type: 'USER',
})

const putUsers = async (ids: string[], table = TableName) => {
  for (const id of ids) await client.put({ TableName: table, Item: user(id) })
}

const itemKeys = async (table = TableName) =>
  (await namespace.items(table)).items.map((item) => item.pk as string).sort()

const indexKeys = async (table = TableName) =>
  ((await client.scan({ TableName: table, IndexName: 'GSI1' })).Items ?? [])
    .map((item) => item.GSI1PK as string)
    .sort()

/** The item-write notifications of the namespace's store, for the TTL expiry index and others. */
const watchItemWrites = (target: EmulatorNamespace) => {
  const writes: Array<{ tableName: string; deleted: boolean }> = []
  const stop = emulator
    .administered()
    .namespace(target.id)
    ?.engine.onItemWrite((tableName, _key, item) => {
      writes.push({ tableName, deleted: item === undefined })
    })
  return { writes, stop: () => stop?.() }
}

describe('snapshot and restore of a namespace', () => {
  test('puts back items, indexes, TTL settings and tables as they were', async () => {
    await putUsers(['1', '2'])
    const snapshot = await namespace.snapshot()
    expect(snapshot).toEqual({
      id: expect.stringMatching(/^snapshot-[0-9a-f]{12}$/),
      tables: [TableName],
      items: 2,
      createdAt: expect.any(String),
    })

    await putUsers(['3'])
    await client.delete({ TableName, Key: { pk: 'USER#1', sk: 'USER#1' } })
    await client.update({
      TableName,
      Key: { pk: 'USER#2', sk: 'USER#2' },
      UpdateExpression: 'SET GSI1PK = :moved',
      ExpressionAttributeValues: { ':moved': 'USER#moved' },
    })
    await client.send(
      new (await import('@aws-sdk/client-dynamodb')).UpdateTimeToLiveCommand({
        TableName,
        TimeToLiveSpecification: { Enabled: false, AttributeName: 'expires' },
      }),
    )
    const { tableName: extra } = await namespace.createAuthjsTable()

    await namespace.restore(snapshot)
    expect(await itemKeys()).toEqual(['USER#1', 'USER#2'])
    expect(await indexKeys()).toEqual(['USER#1@example.com', 'USER#2@example.com'])
    expect(await namespace.listTables()).toEqual([TableName])
    const ttl = await client.send(
      new (await import('@aws-sdk/client-dynamodb')).DescribeTimeToLiveCommand({ TableName }),
    )
    expect(ttl.TimeToLiveDescription).toEqual({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'expires',
    })
    expect(extra).not.toBe(TableName)

    // The restored table works as before: writes, conditions, index queries.
    await expect(
      client.put({ TableName, Item: user('1'), ConditionExpression: 'attribute_not_exists(pk)' }),
    ).rejects.toThrow(expect.objectContaining({ name: 'ConditionalCheckFailedException' }))
    await putUsers(['4'])
    expect(await indexKeys()).toContain('USER#4@example.com')
  })

  test('puts back the tags of a table', async () => {
    const {
      TagResourceCommand,
      UntagResourceCommand,
      ListTagsOfResourceCommand,
      DescribeTableCommand,
    } = await import('@aws-sdk/client-dynamodb')
    const { Table } = await client.send(new DescribeTableCommand({ TableName }))
    const ResourceArn = Table?.TableArn as string
    await client.send(
      new TagResourceCommand({ ResourceArn, Tags: [{ Key: 'team', Value: 'auth' }] }),
    )
    const snapshot = await namespace.snapshot()
    await client.send(new UntagResourceCommand({ ResourceArn, TagKeys: ['team'] }))
    await client.send(new TagResourceCommand({ ResourceArn, Tags: [{ Key: 'other', Value: 'x' }] }))
    await namespace.restore(snapshot)
    const { Tags } = await client.send(new ListTagsOfResourceCommand({ ResourceArn }))
    expect(Tags).toEqual([{ Key: 'team', Value: 'auth' }])
  })

  test('brings back a table deleted since, and can be restored more than once', async () => {
    await putUsers(['1'])
    const snapshot = await namespace.snapshot()
    await namespace.deleteTable(TableName)
    await namespace.restore(snapshot.id)
    expect(await itemKeys()).toEqual(['USER#1'])
    await namespace.truncate()
    await namespace.restore(snapshot)
    expect(await itemKeys()).toEqual(['USER#1'])
    expect(await indexKeys()).toEqual(['USER#1@example.com'])
  })

  test('tells item-write listeners of every item it deletes and writes', async () => {
    await putUsers(['1', '2'])
    const snapshot = await namespace.snapshot()
    await putUsers(['3'])
    const watch = watchItemWrites(namespace)
    await namespace.restore(snapshot)
    watch.stop()
    const deleted = watch.writes.filter((write) => write.deleted).length
    const written = watch.writes.filter((write) => !write.deleted).length
    expect({ deleted, written }).toEqual({ deleted: 3, written: 2 })
  })

  test('a snapshot taken while index writes wait holds the indexes as the items say', async () => {
    await namespace.indexLag.set(60_000)
    await putUsers(['1'])
    expect(await indexKeys()).toEqual([])
    const snapshot = await namespace.snapshot()
    await namespace.restore(snapshot)
    expect(await indexKeys()).toEqual(['USER#1@example.com'])
    expect(namespace.indexLag.status().pending).toBe(0)
  })

  test("a snapshot of one namespace is not another's", async () => {
    const snapshot = await namespace.snapshot()
    const other = await emulator.createNamespace()
    await expect(other.restore(snapshot)).rejects.toThrow(
      expect.objectContaining({
        code: 'INVALID_STATE',
        message: expect.stringMatching(/No snapshot snapshot-/),
      }),
    )
    await other.dispose()
  })
})

describe('snapshot and restore of a table', () => {
  test('restores that table only', async () => {
    const { tableName: other } = await namespace.createAuthjsTable()
    await putUsers(['1'])
    await putUsers(['a'], other)
    const snapshot = await namespace.snapshot({ tableName: TableName })
    expect(snapshot).toMatchObject({ tableName: TableName, tables: [TableName], items: 1 })
    await putUsers(['2'])
    await putUsers(['b'], other)
    await namespace.restore(snapshot)
    expect(await itemKeys()).toEqual(['USER#1'])
    expect(await itemKeys(other)).toEqual(['USER#a', 'USER#b'])
  })

  test('an unknown table is refused', async () => {
    await expect(namespace.snapshot({ tableName: 'nope' })).rejects.toThrow(
      expect.objectContaining({ code: 'TABLE_NOT_FOUND' }),
    )
  })
})

describe('truncate', () => {
  test('empties a table and its index, keeping the table and its TTL', async () => {
    await putUsers(['1', '2', '3'])
    const { tableName: other } = await namespace.createAuthjsTable()
    await putUsers(['a'], other)
    expect(await namespace.truncate({ tableName: TableName })).toEqual({ deleted: 3 })
    expect(await itemKeys()).toEqual([])
    expect(await indexKeys()).toEqual([])
    expect(await itemKeys(other)).toEqual(['USER#a'])
    const described = await client.send(
      new (await import('@aws-sdk/client-dynamodb')).DescribeTimeToLiveCommand({ TableName }),
    )
    expect(described.TimeToLiveDescription?.TimeToLiveStatus).toBe('ENABLED')
    await putUsers(['4'])
    expect(await indexKeys()).toEqual(['USER#4@example.com'])
  })

  test('without a table, empties every table of the namespace and tells listeners', async () => {
    await putUsers(['1', '2'])
    const { tableName: other } = await namespace.createAuthjsTable()
    await putUsers(['a'], other)
    const watch = watchItemWrites(namespace)
    expect(await namespace.truncate()).toEqual({ deleted: 3 })
    watch.stop()
    expect(watch.writes).toHaveLength(3)
    expect(watch.writes.every((write) => write.deleted)).toBe(true)
    expect(await namespace.listTables()).toHaveLength(2)
  })

  test('drops index writes waiting under a lag, so they never come back', async () => {
    await namespace.indexLag.set(60_000)
    await putUsers(['1'])
    await namespace.truncate()
    await namespace.indexLag.flush()
    expect(await indexKeys()).toEqual([])
  })

  test("leaves other tables' keys alone even when one table's name starts with another's", async () => {
    await namespace.createTable(authjsTable({ tableName: `${TableName}2` }))
    await putUsers(['1'], `${TableName}2`)
    await putUsers(['x'])
    await namespace.truncate({ tableName: TableName })
    expect(await itemKeys(`${TableName}2`)).toEqual(['USER#1'])
  })
})

describe('truncate keeps the rest of the namespace, whichever side is larger', () => {
  // A truncate clears the whole in-memory store and writes back what stays when that is the
  // smaller side, and clears the table's ranges otherwise: each shape below takes one way.
  const shapes = [
    { shape: 'the truncated table holds more than the rest', truncated: 12, other: 1 },
    { shape: 'the rest holds more than the truncated table', truncated: 1, other: 12 },
  ]
  test.each(shapes)('$shape', async ({ truncated, other }) => {
    const {
      DescribeTableCommand,
      DescribeTimeToLiveCommand,
      ListTagsOfResourceCommand,
      TagResourceCommand,
    } = await import('@aws-sdk/client-dynamodb')
    const { tableName: otherTable } = await namespace.createAuthjsTable()
    const { Table } = await client.send(new DescribeTableCommand({ TableName: otherTable }))
    const ResourceArn = Table?.TableArn as string
    await client.send(
      new TagResourceCommand({ ResourceArn, Tags: [{ Key: 'team', Value: 'auth' }] }),
    )
    const ids = (count: number, tag: string) =>
      Array.from({ length: count }, (_, i) => `${tag}${i}`)
    await putUsers(ids(truncated, 't'))
    await putUsers(ids(other, 'o'), otherTable)
    await namespace.clock.set(new Date('2030-01-01T00:00:00Z'))
    await client.put({
      TableName: otherTable,
      Item: { ...user('expiring'), expires: Date.parse('2030-01-01T00:01:00Z') / 1000 },
    })

    const watch = watchItemWrites(namespace)
    expect(await namespace.truncate({ tableName: TableName })).toEqual({ deleted: truncated })
    watch.stop()
    expect(watch.writes).toEqual(
      Array.from({ length: truncated }, () => ({ tableName: TableName, deleted: true })),
    )

    expect(await itemKeys()).toEqual([])
    expect(await indexKeys()).toEqual([])
    const otherIds = [...ids(other, 'o'), 'expiring'].map((id) => `USER#${id}`).sort()
    expect(await itemKeys(otherTable)).toEqual(otherIds)
    expect(await indexKeys(otherTable)).toEqual(
      [...ids(other, 'o'), 'expiring'].map((id) => `USER#${id}@example.com`).sort(),
    )
    const counts = async (name: string) =>
      (await client.send(new DescribeTableCommand({ TableName: name }))).Table?.ItemCount
    expect(await counts(TableName)).toBe(0)
    expect(await counts(otherTable)).toBe(other + 1)
    expect((await client.send(new ListTagsOfResourceCommand({ ResourceArn }))).Tags).toEqual([
      { Key: 'team', Value: 'auth' },
    ])
    for (const name of [TableName, otherTable]) {
      const described = await client.send(new DescribeTimeToLiveCommand({ TableName: name }))
      expect(described.TimeToLiveDescription?.TimeToLiveStatus).toBe('ENABLED')
    }
    // The other table's TTL index still knows its item: it expires on the clock as before.
    await namespace.clock.advance(120_000)
    expect(await namespace.sweep()).toMatchObject({ deleted: 1 })
    expect(await itemKeys(otherTable)).toEqual(
      ids(other, 'o')
        .map((id) => `USER#${id}`)
        .sort(),
    )
  })

  test('a persisted namespace is truncated in place and keeps the rest across a restart', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const persist = await mkdtemp(join(tmpdir(), 'truncate-persist-'))
    try {
      const keys = async (target: Emulator, table: string) =>
        (await target.namespace().items(table)).items.map((item) => item.pk as string).sort()
      {
        await using persisted = await startEmulator({ persist, ttl: { mode: 'manual' } })
        await persisted.createTable(authjsTable({ tableName: 'kept' }))
        const stored = persisted.namespace()
        const persistedClient = namespaceClient(persisted, stored)
        for (const id of ['1', '2', '3']) {
          await persistedClient.put({ TableName, Item: user(id) })
        }
        await persistedClient.put({ TableName: 'kept', Item: user('k') })
        persistedClient.destroy()
        expect(await stored.truncate({ tableName: TableName })).toEqual({ deleted: 3 })
        expect(await keys(persisted, 'kept')).toEqual(['USER#k'])
      }
      await using restarted = await startEmulator({ persist, ttl: { mode: 'manual' } })
      expect(await keys(restarted, TableName)).toEqual([])
      expect(await keys(restarted, 'kept')).toEqual(['USER#k'])
    } finally {
      await rm(persist, { recursive: true, force: true })
    }
  })
})

describe('bad arguments', () => {
  test.each([5, '', null])(
    'truncate({ tableName: %j }) is refused, emptying nothing',
    async (tableName) => {
      await putUsers(['1'])
      await expect(namespace.truncate({ tableName } as never)).rejects.toThrow(
        expect.objectContaining({
          code: 'INVALID_OPTIONS',
          message: expect.stringMatching(
            /needs a table's name.*leave tableName out to empty every table/,
          ),
        }),
      )
      expect(await itemKeys()).toEqual(['USER#1'])
    },
  )

  test.each([null, undefined, 5, {}])(
    'restore(%j) is refused with what to pass',
    async (snapshot) => {
      await expect(namespace.restore(snapshot as never)).rejects.toThrow(
        expect.objectContaining({
          code: 'INVALID_OPTIONS',
          message: expect.stringMatching(
            /restore\(snapshot\) needs what snapshot\(\) returned or its id/,
          ),
        }),
      )
    },
  )
})

describe('limits and the admin API', () => {
  test('a namespace keeps at most 20 snapshots; deleting one makes room', async () => {
    const taken = []
    for (let i = 0; i < 20; i++) taken.push(await namespace.snapshot())
    await expect(namespace.snapshot()).rejects.toThrow(
      expect.objectContaining({
        code: 'INVALID_STATE',
        message: expect.stringMatching(/20 snapshots/),
      }),
    )
    expect(namespace.deleteSnapshot(taken[0] as never)).toBe(true)
    await namespace.snapshot()
  })

  test('take, list, restore, delete and truncate through the admin API', async () => {
    const admin = adminClient(emulator.endpoint).namespace(namespace.id)
    await putUsers(['1'])
    const snapshot = await admin.snapshots.take()
    expect(await admin.snapshots.list()).toEqual([snapshot])
    expect(await admin.truncate()).toEqual({ deleted: 1 })
    await admin.snapshots.restore(snapshot)
    expect(await itemKeys()).toEqual(['USER#1'])
    expect(await admin.truncate({ tableName: TableName })).toEqual({ deleted: 1 })
    await admin.snapshots.delete(snapshot)
    await expect(admin.snapshots.restore(snapshot)).rejects.toThrow(/404: No snapshot/)
    await expect(admin.snapshots.delete(snapshot.id)).rejects.toThrow(/404/)
    await expect(admin.truncate({ tableName: 'nope' })).rejects.toThrow(/404: No table named nope/)
  })

  test('the default namespace has its own snapshots at /_emulator/snapshots', async () => {
    const admin = adminClient(emulator.endpoint)
    const snapshot = await admin.snapshots.take({ tableName: TableName })
    expect(snapshot.tables).toEqual([TableName])
    expect(namespace.deleteSnapshot(snapshot.id)).toBe(false)
    await admin.snapshots.delete(snapshot)
  })
})
