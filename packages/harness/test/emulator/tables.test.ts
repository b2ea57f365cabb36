import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb'
import { afterEach, describe, expect, test } from 'vitest'
import { authjsTable, type Emulator, startEmulator } from '../../src/index.js'
import { clientFor, documentClientFor } from '../support/clients.js'

const cleanups: Array<() => Promise<unknown>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})
const track = (emulator: Emulator) => {
  cleanups.push(() => emulator.stop())
  return emulator
}

describe('tables', () => {
  test('authjsTable() is the Auth.js layout: pk/sk strings, GSI1 with ALL projection, TTL on expires', () => {
    expect(authjsTable()).toEqual({
      TableName: 'next-auth',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'GSI1PK', AttributeType: 'S' },
        { AttributeName: 'GSI1SK', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'GSI1',
          KeySchema: [
            { AttributeName: 'GSI1PK', KeyType: 'HASH' },
            { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
    })
  })

  test('authjsTable() takes the adapter option names', async () => {
    const definition = authjsTable({
      tableName: 'auth',
      partitionKey: 'PK',
      sortKey: 'SK',
      indexName: 'byEmail',
      indexPartitionKey: 'IPK',
      indexSortKey: 'ISK',
    })
    const emulator = track(await startEmulator({ tables: [definition] }))
    const { Table } = await clientFor(emulator).send(
      new DescribeTableCommand({ TableName: 'auth' }),
    )
    expect(Table?.TableStatus).toBe('ACTIVE')
    expect(Table?.KeySchema?.map((key) => key.AttributeName)).toEqual(['PK', 'SK'])
    expect(Table?.GlobalSecondaryIndexes?.[0]).toMatchObject({
      IndexName: 'byEmail',
      KeySchema: [
        { AttributeName: 'IPK', KeyType: 'HASH' },
        { AttributeName: 'ISK', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })
  })

  test('CloudFormation-only properties are accepted beside the CreateTable input', async () => {
    const emulator = track(
      await startEmulator({
        tables: [
          {
            ...authjsTable({ tableName: 'from-cfn' }),
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
          },
        ],
      }),
    )
    const ttl = await clientFor(emulator).send(
      new DescribeTimeToLiveCommand({ TableName: 'from-cfn' }),
    )
    expect(ttl.TimeToLiveDescription?.TimeToLiveStatus).toBe('ENABLED')
  })

  test('createAuthjsTable() gives each caller a fresh, empty table on the same port', async () => {
    const emulator = track(await startEmulator())
    const db = documentClientFor(emulator)
    const a = await emulator.createAuthjsTable()
    const b = await emulator.createAuthjsTable()
    await db.put({ TableName: a.tableName, Item: { pk: 'USER#1', sk: 'USER#1' } })
    expect((await emulator.items(a.tableName)).count).toBe(1)
    expect((await emulator.items(b.tableName)).count).toBe(0)
  })

  test('with persist, data written before stop() is there after a restart, TTL setting included', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'auth-dynamo-persist-'))
    cleanups.push(() => rm(directory, { recursive: true, force: true }))

    const first = await startEmulator({ persist: directory })
    await documentClientFor(first).put({
      TableName: 'next-auth',
      Item: { pk: 'USER#kept', sk: 'USER#kept', name: 'Kept' },
    })
    await first.stop()

    const second = track(await startEmulator({ persist: directory }))
    const { Item } = await documentClientFor(second).get({
      TableName: 'next-auth',
      Key: { pk: 'USER#kept', sk: 'USER#kept' },
    })
    expect(Item).toEqual({ pk: 'USER#kept', sk: 'USER#kept', name: 'Kept' })
    const ttl = await clientFor(second).send(
      new DescribeTimeToLiveCommand({ TableName: 'next-auth' }),
    )
    expect(ttl.TimeToLiveDescription).toEqual({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'expires',
    })
  })
})

describe('persistence directory lock', () => {
  test('a second emulator on the same directory fails cleanly with PERSIST_LOCKED', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'auth-dynamo-lock-'))
    cleanups.push(() => rm(directory, { recursive: true, force: true }))
    const first = track(await startEmulator({ persist: directory }))
    await expect(startEmulator({ persist: directory })).rejects.toMatchObject({
      code: 'PERSIST_LOCKED',
      message: expect.stringContaining(directory),
    })
    expect(first.state).toBe('running')
    await first.stop()
    const again = track(await startEmulator({ persist: directory }))
    expect(again.state).toBe('running')
  })
})
