import {
  CreateTableCommand,
  DynamoDBClient,
  QueryCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb'
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Emulator, startEmulator } from '../../src/index.js'
import { createTable, scanAll, seed } from '../support/targets.js'

describe('transactions are authorized and logged by their parts', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator({ tables: [], ttl: { mode: 'manual' } })
  })
  afterAll(() => emulator.stop())

  const clientAs = (accessKeyId: string) =>
    new DynamoDBClient({
      endpoint: emulator.endpoint,
      region: emulator.region,
      credentials: { accessKeyId, secretAccessKey: 'x' },
      maxAttempts: 1,
    })

  test('a TransactWriteItems counts once, and each action as the IAM action it needs', async () => {
    const admin = clientAs('setup')
    const table = await createTable(admin, 'parts')
    await seed(admin, table, [{ pk: 'a', n: 1 }, { pk: 'b' }, { pk: 'c' }])
    const client = clientAs('transaction-writer')
    await client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: table, Item: marshall({ pk: 'd' }) } },
          {
            Update: {
              TableName: table,
              Key: marshall({ pk: 'a' }),
              UpdateExpression: 'SET n = :n',
              ExpressionAttributeValues: marshall({ ':n': 2 }),
            },
          },
          { Delete: { TableName: table, Key: marshall({ pk: 'b' }) } },
          {
            ConditionCheck: {
              TableName: table,
              Key: marshall({ pk: 'c' }),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          { Put: { TableName: table, Item: marshall({ pk: 'e' }) } },
        ],
      }),
    )
    expect(emulator.operations({ accessKeyId: 'transaction-writer' })).toEqual({
      TransactWriteItems: 1,
      PutItem: 2,
      UpdateItem: 1,
      DeleteItem: 1,
      ConditionCheckItem: 1,
    })
    admin.destroy()
    client.destroy()
  })

  test('a cancelled transaction is still authorized by its parts', async () => {
    const admin = clientAs('setup')
    const table = await createTable(admin, 'parts')
    const client = clientAs('cancelled-writer')
    await expect(
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: table,
                Key: marshall({ pk: 'nobody' }),
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
          ],
        }),
      ),
    ).rejects.toMatchObject({ name: 'TransactionCanceledException' })
    expect(emulator.operations({ accessKeyId: 'cancelled-writer' })).toEqual({
      TransactWriteItems: 1,
      ConditionCheckItem: 1,
    })
    admin.destroy()
    client.destroy()
  })

  test('a TransactGetItems counts once, and each Get as GetItem', async () => {
    const admin = clientAs('setup')
    const table = await createTable(admin, 'parts')
    const client = clientAs('transaction-reader')
    await client.send(
      new TransactGetItemsCommand({
        TransactItems: [
          { Get: { TableName: table, Key: marshall({ pk: 'a' }) } },
          { Get: { TableName: table, Key: marshall({ pk: 'b' }) } },
        ],
      }),
    )
    expect(emulator.operations({ accessKeyId: 'transaction-reader' })).toEqual({
      TransactGetItems: 1,
      GetItem: 2,
    })
    admin.destroy()
    client.destroy()
  })

  test('transactional writes keep global and local secondary indexes, as single-item writes do', async () => {
    const client = clientAs('indexes')
    const table = `indexed-${Date.now()}`
    await client.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'lsk', AttributeType: 'S' },
          { AttributeName: 'email', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        LocalSecondaryIndexes: [
          {
            IndexName: 'byLsk',
            KeySchema: [
              { AttributeName: 'pk', KeyType: 'HASH' },
              { AttributeName: 'lsk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byEmail',
            KeySchema: [{ AttributeName: 'email', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
        ],
      }),
    )
    const byEmail = async (email: string) =>
      (
        await client.send(
          new QueryCommand({
            TableName: table,
            IndexName: 'byEmail',
            KeyConditionExpression: 'email = :e',
            ExpressionAttributeValues: marshall({ ':e': email }),
          }),
        )
      ).Items?.map((item) => unmarshall(item))
    const written = await client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Put: {
              TableName: table,
              Item: marshall({ pk: 'u', sk: '1', lsk: 'l', email: 'old@example.com' }),
            },
          },
          {
            Put: {
              TableName: table,
              Item: marshall({ pk: 'v', sk: '1', email: 'other@example.com' }),
            },
          },
        ],
        ReturnConsumedCapacity: 'INDEXES',
        ReturnItemCollectionMetrics: 'SIZE',
      }),
    )
    expect(written.ConsumedCapacity).toEqual([
      {
        TableName: table,
        CapacityUnits: 10,
        Table: { CapacityUnits: 4 },
        LocalSecondaryIndexes: { byLsk: { CapacityUnits: 2 } },
        GlobalSecondaryIndexes: { byEmail: { CapacityUnits: 4 } },
      },
    ])
    expect(written.ItemCollectionMetrics?.[table]).toEqual([
      { ItemCollectionKey: { pk: { S: 'u' } }, SizeEstimateRangeGB: [0, 1] },
      { ItemCollectionKey: { pk: { S: 'v' } }, SizeEstimateRangeGB: [0, 1] },
    ])
    expect(await byEmail('old@example.com')).toEqual([
      { pk: 'u', sk: '1', email: 'old@example.com' },
    ])

    await client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Update: {
              TableName: table,
              Key: marshall({ pk: 'u', sk: '1' }),
              UpdateExpression: 'SET email = :e',
              ExpressionAttributeValues: marshall({ ':e': 'new@example.com' }),
            },
          },
          { Delete: { TableName: table, Key: marshall({ pk: 'v', sk: '1' }) } },
        ],
      }),
    )
    expect(await byEmail('old@example.com')).toEqual([])
    expect(await byEmail('other@example.com')).toEqual([])
    expect(await byEmail('new@example.com')).toEqual([
      { pk: 'u', sk: '1', email: 'new@example.com' },
    ])
    expect(await scanAll(client, table)).toEqual([
      { pk: 'u', sk: '1', lsk: 'l', email: 'new@example.com' },
    ])
    client.destroy()
  })
})
