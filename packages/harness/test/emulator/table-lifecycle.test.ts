import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  PutItemCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Emulator, startEmulator } from '../../src/index.js'
import { clientFor } from '../support/clients.js'

const rounds = 100

describe('tables are usable the moment CreateTable answers, and gone the moment DeleteTable answers', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator({ ttl: { mode: 'manual' }, tables: [] })
  })
  afterAll(() => emulator.stop())

  const create = (TableName: string) =>
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    })

  test(`${rounds} of ${rounds}: PutItem right after CreateTable, DescribeTable right after DeleteTable, and re-creating at once`, async () => {
    const client = clientFor(emulator)
    const outcomes = { put: 0, gone: 0, recreated: 0 }
    for (let round = 0; round < rounds; round++) {
      const TableName = `lifecycle-${round}`
      const created = await client.send(create(TableName))
      expect(created.TableDescription?.TableStatus).toBe('ACTIVE')
      await client.send(new PutItemCommand({ TableName, Item: { id: { S: 'x' } } }))
      outcomes.put++

      await client.send(new DeleteTableCommand({ TableName }))
      await expect(client.send(new DescribeTableCommand({ TableName }))).rejects.toBeInstanceOf(
        ResourceNotFoundException,
      )
      outcomes.gone++

      await client.send(create(TableName))
      await client.send(new PutItemCommand({ TableName, Item: { id: { S: 'y' } } }))
      outcomes.recreated++
      await client.send(new DeleteTableCommand({ TableName }))
    }
    expect(outcomes).toEqual({ put: rounds, gone: rounds, recreated: rounds })
    client.destroy()
  }, 120_000)
})
