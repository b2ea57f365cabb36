import { marshall } from '@aws-sdk/util-dynamodb'
import { describe, expect, test } from 'vitest'
import { createTable, onEmulator, scanAll } from '../support/targets.js'
import { clientRequestTokenSuite } from './client-request-token.suite.js'
import { transactWrite } from './transaction-cases.js'

describe('ClientRequestToken on the emulator', () => {
  clientRequestTokenSuite(onEmulator())
})

describe('ClientRequestToken on the emulator only (DynamoDB Local has no clock a test can move, and no reset)', () => {
  const target = onEmulator()
  const incrementA = (table: string) => ({
    TransactItems: [
      {
        Update: {
          TableName: table,
          Key: marshall({ pk: 'a' }),
          UpdateExpression: 'ADD n :one',
          ExpressionAttributeValues: marshall({ ':one': 1 }),
        },
      },
    ],
    ClientRequestToken: `token-${Math.random().toString(36).slice(2)}`,
  })

  test('a token is remembered for 10 minutes on the emulator clock, then is new again', async () => {
    const { client, emulator } = target()
    const table = await createTable(client, 'tok')
    const request = incrementA(table)
    await transactWrite(client, request)
    emulator?.clock.advance(10 * 60 * 1000 - 1)
    await transactWrite(client, request)
    expect(await scanAll(client, table)).toEqual([{ pk: 'a', n: 1 }])
    emulator?.clock.advance(1)
    expect((await transactWrite(client, request)).result).toBe('ok')
    expect(await scanAll(client, table)).toEqual([{ pk: 'a', n: 2 }])
  })

  test('a token is forgotten when the table it wrote is recreated (a reset)', async () => {
    const { client, emulator } = target()
    const table = await createTable(client, 'tok')
    const request = incrementA(table)
    await transactWrite(client, request)
    await emulator?.deleteTable(table)
    await emulator?.createTable({
      TableName: table,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    })
    expect((await transactWrite(client, request)).result).toBe('ok')
    expect(await scanAll(client, table)).toEqual([{ pk: 'a', n: 1 }])
  })
})
