import { fileNamespace, isolatedAuthjsTable } from '@auth-dynamo/harness/vitest/worker'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { expect, test } from 'vitest'

// A file's namespace made with its own seed items and a 60 s index lag: the seed is in the
// file's Auth.js table, and a new item reaches the index only when the lag is flushed.
const seeded = {
  pk: 'USER#seeded',
  sk: 'USER#seeded',
  GSI1PK: 'USER#a@example.com',
  GSI1SK: 'USER#a@example.com',
}
const namespace = await fileNamespace({ seed: { 'next-auth': [seeded] }, indexLag: 60_000 })
const client = DynamoDBDocument.from(new DynamoDBClient(namespace.clientConfig))

const byEmail = async (email: string) =>
  (
    await client.query({
      TableName: 'next-auth',
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': `USER#${email}` },
    })
  ).Items ?? []

test("fileNamespace({ seed }) loads the items into this file's table", async () => {
  const { items } = await namespace.admin.items('next-auth')
  expect(items).toEqual([seeded])
})

test('fileNamespace({ indexLag }) delays index visibility until the lag passes', async () => {
  const item = {
    pk: 'USER#new',
    sk: 'USER#new',
    GSI1PK: 'USER#b@example.com',
    GSI1SK: 'USER#b@example.com',
  }
  await client.put({ TableName: 'next-auth', Item: item })
  expect(await byEmail('b@example.com')).toEqual([])
  await namespace.admin.indexLag.flush()
  expect(await byEmail('b@example.com')).toEqual([item])
})

test('isolatedAuthjsTable().truncate() empties the table and keeps it', async () => {
  await using table = await isolatedAuthjsTable()
  await table.client.put({ TableName: table.tableName, Item: { pk: 'a', sk: 'a' } })
  expect(await table.truncate()).toEqual({ deleted: 1 })
  expect(await table.items()).toEqual([])
})

test("a file's namespace snapshots, truncates and restores through its admin client", async () => {
  const before = await namespace.admin.snapshots.take({ tableName: 'next-auth' })
  await client.put({ TableName: 'next-auth', Item: { pk: 'USER#later', sk: 'USER#later' } })
  const { deleted } = await namespace.admin.truncate({ tableName: 'next-auth' })
  expect(deleted).toBeGreaterThanOrEqual(2)
  expect((await namespace.admin.items('next-auth')).items).toEqual([])
  await namespace.admin.snapshots.restore(before)
  const restored = (await namespace.admin.items('next-auth')).items.map((item) => item.pk)
  expect(restored).toContain('USER#seeded')
  expect(restored).not.toContain('USER#later')
  await expect(namespace.admin.truncate({ tableName: '' })).rejects.toThrow(/400/)
})
