import {
  DeleteTableCommand,
  DescribeTableCommand,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb'
import { describe, expect, test } from 'vitest'
import { createTable, onEmulator } from '../support/targets.js'
import { outcomeOf } from '../transactions/transaction-cases.js'
import { tableSettingsSuite } from './table-settings.suite.js'

describe('table settings on the emulator', () => {
  tableSettingsSuite(onEmulator())
})

describe('deletion protection and the emulator’s own calls', () => {
  const target = onEmulator()

  test('emulator.deleteTable() and reset() remove protected tables; clients cannot', async () => {
    const { client, emulator } = target()
    const table = await createTable(client, 'own', { DeletionProtectionEnabled: true })
    const refused = await outcomeOf(client.send(new DeleteTableCommand({ TableName: table })))
    expect(refused.result).toBe('ValidationException')
    await emulator?.deleteTable(table)
    expect(await emulator?.listTables()).not.toContain(table)
    await createTable(client, 'own', { DeletionProtectionEnabled: true })
    await emulator?.reset()
    expect(await emulator?.listTables()).toEqual([])
  })
})

// DynamoDB Local refuses every tagging call ("Tagging is not currently supported in DynamoDB
// Local"), so these follow the service: CreateTable's Tags are the new table's tags
// (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html#DDB-CreateTable-request-Tags),
// within the limits of https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Tag.html.
describe('Tags given to CreateTable', () => {
  const target = onEmulator()

  test("are the table's tags", async () => {
    const { client } = target()
    const Tags = [
      { Key: 'team', Value: 'auth' },
      { Key: 'env', Value: '' },
    ]
    const table = await createTable(client, 'tagged', { Tags })
    const { Table } = await client.send(new DescribeTableCommand({ TableName: table }))
    const { Tags: listed = [] } = await client.send(
      new ListTagsOfResourceCommand({ ResourceArn: Table?.TableArn as string }),
    )
    const byKey = (tags: Array<{ Key?: string; Value?: string }>) =>
      [...tags].sort((a, b) => String(a.Key).localeCompare(String(b.Key)))
    expect(byKey(listed)).toEqual(byKey(Tags))
  })

  test.each([
    [
      [{ Key: '', Value: 'x' }],
      /tags\.1\.member\.key' failed to satisfy constraint: Member must have length between 1 and 128/,
    ],
    [[{ Key: 'k'.repeat(129), Value: 'x' }], /Member must have length between 1 and 128/],
    [
      [{ Key: 'k', Value: 'v'.repeat(257) }],
      /tags\.1\.member\.value' failed to satisfy constraint: Member must have length less than or equal to 256/,
    ],
    [
      Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })),
      /exceeds the limit of 50 tags/,
    ],
    [
      [{ Key: 'k' } as { Key: string; Value: string }],
      /Value null at 'tags\.1\.member\.value' failed to satisfy constraint: Member must not be null/,
    ],
  ])('out of limits are refused before the table is made (%#)', async (Tags, message) => {
    const { client, emulator } = target()
    const before = await emulator?.listTables()
    const refused = await outcomeOf(
      createTable(client, 'tagged', { Tags }).then((name) => ({ name })),
    )
    expect(refused).toMatchObject({
      result: 'ValidationException',
      message: expect.stringMatching(message),
    })
    expect(await emulator?.listTables()).toEqual(before)
  })
})
