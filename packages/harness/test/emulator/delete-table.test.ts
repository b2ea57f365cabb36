import {
  CreateTableCommand,
  DeleteTableCommand,
  ListTagsOfResourceCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TagResourceCommand,
} from '@aws-sdk/client-dynamodb'
import { afterEach, describe, expect, test } from 'vitest'
import { type Emulator, startEmulator } from '../../src/index.js'
import { clientFor } from '../support/clients.js'

// DeleteTable reads only the deleted table's keys (a range on its prefix, not the whole store):
// its items, index entries and tags go, and the tables whose names sort beside it keep theirs.
const running: Emulator[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.stop()))
})

const definition = (TableName: string) => ({
  TableName,
  BillingMode: 'PAY_PER_REQUEST' as const,
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' as const },
    { AttributeName: 'sk', KeyType: 'RANGE' as const },
  ],
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' as const },
    { AttributeName: 'sk', AttributeType: 'S' as const },
  ],
  GlobalSecondaryIndexes: [
    {
      IndexName: 'bySk',
      KeySchema: [{ AttributeName: 'sk', KeyType: 'HASH' as const }],
      Projection: { ProjectionType: 'ALL' as const },
    },
  ],
})

describe('DeleteTable', () => {
  test('drops only its own items, index entries and tags, whatever the neighbours are named', async () => {
    const emulator = await startEmulator({ tables: [], ttl: { mode: 'manual' } })
    running.push(emulator)
    const client = clientFor(emulator)
    const names = ['abc', 'abc.d', 'abc-x', 'abc_x', 'abcd', 'abb', 'ab.']
    for (const name of names) {
      await client.send(new CreateTableCommand(definition(name)))
      await client.send(
        new TagResourceCommand({
          ResourceArn: `arn:aws:dynamodb:us-east-1:000000000000:table/${name}`,
          Tags: [{ Key: '\u{1F600}tag', Value: name }],
        }),
      )
      for (const sk of ['a', '\u{1F600}', '\uFFFF', '~']) {
        await client.send(
          new PutItemCommand({
            TableName: name,
            Item: { pk: { S: `\u00FF${name}` }, sk: { S: sk } },
          }),
        )
      }
    }

    await client.send(new DeleteTableCommand({ TableName: 'abc' }))
    await client.send(new CreateTableCommand(definition('abc')))

    expect((await client.send(new ScanCommand({ TableName: 'abc' }))).Count).toBe(0)
    const byIndex = await client.send(
      new QueryCommand({
        TableName: 'abc',
        IndexName: 'bySk',
        KeyConditionExpression: 'sk = :sk',
        ExpressionAttributeValues: { ':sk': { S: 'a' } },
      }),
    )
    expect(byIndex.Count).toBe(0)
    const tags = await client.send(
      new ListTagsOfResourceCommand({
        ResourceArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/abc',
      }),
    )
    expect(tags.Tags ?? []).toEqual([])
    for (const name of names.filter((name) => name !== 'abc')) {
      expect((await client.send(new ScanCommand({ TableName: name }))).Count).toBe(4)
      const neighbourTags = await client.send(
        new ListTagsOfResourceCommand({
          ResourceArn: `arn:aws:dynamodb:us-east-1:000000000000:table/${name}`,
        }),
      )
      expect(neighbourTags.Tags?.map((tag) => tag.Key)).toEqual(['\u{1F600}tag'])
    }
  })
})
