import { DynamoDBClient, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb'
import { marshall } from '@aws-sdk/util-dynamodb'
import { expect, test } from 'vitest'
import { createTable, scanAll, seed, type Target } from '../support/targets.js'
import { lostResponseProxy } from './lost-response-proxy.js'
import { transactWrite } from './transaction-cases.js'

const increment = (table: string, pk: string) => ({
  Update: {
    TableName: table,
    Key: marshall({ pk }),
    UpdateExpression: 'ADD n :one',
    ExpressionAttributeValues: marshall({ ':one': 1 }),
  },
})
const uniqueToken = () => `token-${Math.random().toString(36).slice(2)}`

/** The ClientRequestToken cases, on whichever DynamoDB `target()` returns (the emulator or DynamoDB Local). */
export function clientRequestTokenSuite(target: () => Target): void {
  test('the same token and request twice applies once, and the repeat succeeds', async () => {
    const table = await createTable(target().client, 'tok')
    const token = uniqueToken()
    const first = await transactWrite(target().client, {
      TransactItems: [increment(table, 'a')],
      ClientRequestToken: token,
    })
    // Another ReturnConsumedCapacity is not another request.
    const again = await transactWrite(target().client, {
      TransactItems: [increment(table, 'a')],
      ClientRequestToken: token,
      ReturnConsumedCapacity: 'TOTAL',
    })
    expect([first.result, again.result]).toEqual(['ok', 'ok'])
    expect(await scanAll(target().client, table)).toEqual([{ pk: 'a', n: 1 }])
  })

  test('the same token with other TransactItems is refused and applies nothing', async () => {
    const table = await createTable(target().client, 'tok')
    const token = uniqueToken()
    await transactWrite(target().client, {
      TransactItems: [increment(table, 'a')],
      ClientRequestToken: token,
    })
    const other = await transactWrite(target().client, {
      TransactItems: [increment(table, 'b')],
      ClientRequestToken: token,
    })
    expect(other.result).toBe('IdempotentParameterMismatchException')
    expect(await scanAll(target().client, table)).toEqual([{ pk: 'a', n: 1 }])
  })

  test('the same item map in another key order is the same request', async () => {
    const table = await createTable(target().client, 'tok')
    const token = uniqueToken()
    const item = (first: 'pk' | 'v') =>
      first === 'pk' ? { pk: { S: 'a' }, v: { S: 'x' } } : { v: { S: 'x' }, pk: { S: 'a' } }
    const once = await transactWrite(target().client, {
      TransactItems: [
        {
          Put: {
            TableName: table,
            Item: item('pk'),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
      ClientRequestToken: token,
    })
    const twice = await transactWrite(target().client, {
      TransactItems: [
        {
          Put: {
            TableName: table,
            Item: item('v'),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ],
      ClientRequestToken: token,
    })
    expect([once.result, twice.result]).toEqual(['ok', 'ok'])
  })

  test('a cancelled transaction leaves its token unused: the retry runs again', async () => {
    const table = await createTable(target().client, 'tok')
    const token = uniqueToken()
    const request = {
      TransactItems: [
        {
          ConditionCheck: {
            TableName: table,
            Key: marshall({ pk: 'gate' }),
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
        increment(table, 'a'),
      ],
      ClientRequestToken: token,
    }
    expect((await transactWrite(target().client, request)).result).toBe(
      'TransactionCanceledException',
    )
    await seed(target().client, table, [{ pk: 'gate' }])
    expect((await transactWrite(target().client, request)).result).toBe('ok')
    expect(await scanAll(target().client, table)).toEqual([{ pk: 'a', n: 1 }, { pk: 'gate' }])
  })

  test('a conditional write whose answer was lost is retried by the SDK with its token, and succeeds once', async () => {
    const table = await createTable(target().client, 'tok')
    const proxy = await lostResponseProxy(target().endpoint, 'TransactWriteItems')
    const credentials = await target().client.config.credentials()
    const client = new DynamoDBClient({
      endpoint: proxy.endpoint,
      region: 'us-east-1',
      credentials,
      maxAttempts: 3,
    })
    try {
      // The uniqueness pattern of the adapter: both items must be new. Without the token the
      // retry would be cancelled by its own first attempt's writes.
      const claim = (pk: string) => ({
        Put: {
          TableName: table,
          Item: marshall({ pk }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      })
      await client.send(
        new TransactWriteItemsCommand({
          TransactItems: [claim('USER#1'), claim('EMAIL#a@example.com')],
        }),
      )
      expect(proxy.forwarded.get('TransactWriteItems')).toBe(2)
      expect(await scanAll(target().client, table)).toEqual([
        { pk: 'EMAIL#a@example.com' },
        { pk: 'USER#1' },
      ])
    } finally {
      client.destroy()
      await proxy.close()
    }
  })
}
