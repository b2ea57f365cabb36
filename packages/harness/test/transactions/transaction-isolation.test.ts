import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb'
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Emulator, startEmulator } from '../../src/index.js'
import { createTable, scanAll, seed } from '../support/targets.js'

/**
 * A client that retries, as applications' clients do: hundreds of requests wait for the
 * namespace at once here, and on a busy machine a kept-alive connection can be reset under one.
 * A retried TransactWriteItems carries the SDK's ClientRequestToken, so it applies once.
 */
function retryingClient(emulator: Emulator): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: emulator.endpoint,
    region: emulator.region,
    credentials: emulator.credentials,
    maxAttempts: 5,
  })
}

// These prove the emulator's own guarantee: a transaction holds its namespace alone, so nothing
// else it does lands between a transaction's first check and its last write. They run on the
// emulator only; DynamoDB Local is the reference for answers, not for this implementation.

const transfers = 1000
const writers = 4
const readersOfEachKind = 2

describe('transactions are atomic and isolated', () => {
  let emulator: Emulator
  let client: DynamoDBClient
  beforeAll(async () => {
    emulator = await startEmulator({ tables: [], clock: 'manual', ttl: { mode: 'manual' } })
    client = retryingClient(emulator)
  })
  afterAll(async () => {
    client.destroy()
    await emulator.stop()
  })

  // The time bound is generous: a busy machine makes 1,000 transactions over HTTP slow, not wrong.
  test(`${transfers} transfers between two counters: TransactGetItems never sees the sum change; GetItem pairs see what DynamoDB guarantees`, async () => {
    const table = await createTable(client, 'transfer')
    await seed(client, table, [
      { pk: 'from', n: transfers },
      { pk: 'to', n: 0 },
    ])
    const key = (pk: string) => marshall({ pk })
    let done = false

    const transfer = () =>
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Update: {
                TableName: table,
                Key: key('from'),
                UpdateExpression: 'ADD n :minus',
                ConditionExpression: 'n >= :one',
                ExpressionAttributeValues: marshall({ ':minus': -1, ':one': 1 }),
              },
            },
            {
              Update: {
                TableName: table,
                Key: key('to'),
                UpdateExpression: 'ADD n :one',
                ExpressionAttributeValues: marshall({ ':one': 1 }),
              },
            },
          ],
        }),
      )
    const writing = Array.from({ length: writers }, async () => {
      for (let i = 0; i < transfers / writers; i++) await transfer()
    })

    const snapshots: Array<{ from: number; to: number }> = []
    const snapshotReader = async () => {
      while (!done) {
        const { Responses = [] } = await client.send(
          new TransactGetItemsCommand({
            TransactItems: [
              { Get: { TableName: table, Key: key('from') } },
              { Get: { TableName: table, Key: key('to') } },
            ],
          }),
        )
        const [from, to] = Responses.map((entry) => Number(unmarshall(entry.Item ?? {}).n))
        snapshots.push({ from: from as number, to: to as number })
      }
    }
    // Two strongly consistent GetItems, `from` first: each sees every transfer committed before
    // it, so the pair can only count transfers made between the reads twice, never miss one.
    // (DynamoDB promises no more for separate reads: no snapshot across them.)
    const pairs: Array<{ from: number; to: number }> = []
    const pairReader = async () => {
      while (!done) {
        const read = async (pk: string) =>
          Number(
            unmarshall(
              (
                await client.send(
                  new GetItemCommand({ TableName: table, Key: key(pk), ConsistentRead: true }),
                )
              ).Item ?? {},
            ).n,
          )
        const from = await read('from')
        const to = await read('to')
        pairs.push({ from, to })
      }
    }
    const reading = [
      ...Array.from({ length: readersOfEachKind }, snapshotReader),
      ...Array.from({ length: readersOfEachKind }, pairReader),
    ]
    await Promise.all(writing)
    done = true
    await Promise.all(reading)

    const torn = snapshots.filter(({ from, to }) => from + to !== transfers)
    const impossible = pairs.filter(({ from, to }) => from + to < transfers)
    console.info(
      `isolation: ${transfers} transfers by ${writers} writers; ${readersOfEachKind * 2} readers made ${snapshots.length} TransactGetItems and ${pairs.length} GetItem pairs; ${new Set(snapshots.map((s) => s.from)).size} distinct states seen; ${torn.length + impossible.length} violations`,
    )
    expect(torn).toEqual([])
    expect(impossible).toEqual([])
    expect(await scanAll(client, table)).toEqual([
      { pk: 'from', n: 0 },
      { pk: 'to', n: transfers },
    ])
  }, 900_000)

  // Each transaction updates both items of a pair, each only if it exists; the other party
  // deletes both. Whatever the order, the pair ends deleted: a transaction that runs after a
  // delete is cancelled. A delete landing between a transaction's check and its write would
  // bring the pair back.
  const pairs = 150
  const bumpAll = (table: string) =>
    Array.from({ length: pairs }, (_, i) => bumpPair(client, table, i))
  // Each runs the transactions and the deletes at once, and resolves to every outcome.
  const races: Record<string, (table: string) => Promise<PromiseSettledResult<unknown>[]>> = {
    // Each pair's transaction races its own two DeleteItems.
    DeleteItem: (table) =>
      Promise.allSettled(
        bumpAll(table).flatMap((bump, i) => [
          bump,
          ...['x', 'y'].map((side) =>
            client.send(
              new DeleteItemCommand({ TableName: table, Key: marshall({ pk: `${side}${i}` }) }),
            ),
          ),
        ]),
      ),
    BatchWriteItem: (table) =>
      Promise.allSettled([
        ...bumpAll(table),
        ...Array.from({ length: Math.ceil(pairs / 12) }, (_, batch) =>
          client.send(
            new BatchWriteItemCommand({
              RequestItems: {
                [table]: Array.from({ length: 12 }, (_, j) => batch * 12 + j)
                  .filter((i) => i < pairs)
                  .flatMap((i) =>
                    ['x', 'y'].map((side) => ({
                      DeleteRequest: { Key: marshall({ pk: `${side}${i}` }) },
                    })),
                  ),
              },
            }),
          ),
        ),
      ]),
    'the TTL sweeper': (table) => Promise.allSettled([...bumpAll(table), emulator.sweep()]),
  }

  test.each(Object.keys(races))(
    '%s never lands inside a transaction',
    async (deleter) => {
      const table = await createTable(client, 'isolated')
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: table,
          TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' },
        }),
      )
      const expired = Math.floor(emulator.clock.now().getTime() / 1000) - 60
      await seed(
        client,
        table,
        Array.from({ length: pairs }, (_, i) => [
          { pk: `x${i}`, v: 0, expires: expired },
          { pk: `y${i}`, v: 0, expires: expired },
        ]).flat(),
      )

      const results = await (
        races[deleter] as (table: string) => Promise<PromiseSettledResult<unknown>[]>
      )(table)
      expect(
        results.filter(
          (result) =>
            result.status === 'rejected' && result.reason.name !== 'TransactionCanceledException',
        ),
      ).toEqual([])
      expect(await scanAll(client, table)).toEqual([])
    },
    300_000,
  )

  test('a reset never lands inside a transaction', async () => {
    const definition = {
      TableName: 'reset-isolated',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' as const }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }],
      BillingMode: 'PAY_PER_REQUEST' as const,
    }
    await using resettable = await startEmulator({ tables: [definition], ttl: { mode: 'manual' } })
    const resetClient = retryingClient(resettable)
    try {
      await seed(
        resetClient,
        definition.TableName,
        Array.from({ length: pairs }, (_, i) => [
          { pk: `x${i}`, v: 0 },
          { pk: `y${i}`, v: 0 },
        ]).flat(),
      )
      const results = await Promise.allSettled([
        ...Array.from({ length: pairs }, (_, i) => bumpPair(resetClient, definition.TableName, i)),
        resettable.reset(),
      ])
      // A transaction sent while the table was being recreated finds no table; that is fine.
      const unexpected = results.filter(
        (result) =>
          result.status === 'rejected' &&
          !['TransactionCanceledException', 'ResourceNotFoundException'].includes(
            result.reason.name,
          ),
      )
      expect(unexpected).toEqual([])
      expect(await scanAll(resetClient, definition.TableName)).toEqual([])
    } finally {
      resetClient.destroy()
    }
  }, 300_000)
})

function bumpPair(client: DynamoDBClient, table: string, i: number) {
  const bump = (pk: string) => ({
    Update: {
      TableName: table,
      Key: marshall({ pk }),
      UpdateExpression: 'ADD v :one',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: marshall({ ':one': 1 }),
    },
  })
  return client.send(
    new TransactWriteItemsCommand({ TransactItems: [bump(`x${i}`), bump(`y${i}`)] }),
  )
}
