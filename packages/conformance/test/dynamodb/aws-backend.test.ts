import { startEmulator } from '@auth-dynamo/harness'
import { DescribeTimeToLiveCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { awsBackend } from '../../src/dynamodb/index.js'

// The AWS backend's own logic (create a table and wait for it, or check an existing one; delete
// what it created), exercised without AWS: the SDK's standard AWS_ENDPOINT_URL_DYNAMODB variable
// points every client of this test file at the emulator.
const emulator = await startEmulator({ tables: [] })
const credentials = emulator.credentials
const endpointBefore = process.env.AWS_ENDPOINT_URL_DYNAMODB
beforeAll(() => {
  process.env.AWS_ENDPOINT_URL_DYNAMODB = emulator.endpoint
})
afterAll(async () => {
  if (endpointBefore === undefined) delete process.env.AWS_ENDPOINT_URL_DYNAMODB
  else process.env.AWS_ENDPOINT_URL_DYNAMODB = endpointBefore
  await emulator.stop()
})

describe('awsBackend', () => {
  test('creates a fresh Auth.js table with TTL on expires, and deletes it at teardown', async () => {
    const backend = awsBackend({ region: emulator.region, credentials })
    expect(backend.name).toBe(`AWS ${emulator.region}`)
    expect(backend.limitations).toEqual({ expiryDeletion: expect.stringContaining('a few days') })
    await backend.setup()
    const { tableName } = backend.table
    expect(tableName).toMatch(/^auth-dynamo-conformance-[0-9a-f]{12}$/)
    const { TimeToLiveDescription } = await backend.client.send(
      new DescribeTimeToLiveCommand({ TableName: tableName }),
    )
    expect(TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expires' })
    await backend.teardown()
    expect(await emulator.listTables()).not.toContain(tableName)
  })

  test('uses an existing table as it is, after checking its layout, and leaves it at teardown', async () => {
    const { tableName } = await emulator.createAuthjsTable({
      tableName: 'existing',
      indexName: 'lookup',
    })
    const backend = awsBackend({
      region: emulator.region,
      credentials,
      table: { tableName, indexName: 'lookup' },
      existingTable: true,
    })
    await backend.setup()
    expect(backend.table.tableName).toBe(tableName)
    const { TableNames } = await backend.client.send(new ListTablesCommand({}))
    expect(TableNames).toContain(tableName)
    await backend.teardown()
    expect(await emulator.listTables()).toContain(tableName)
  })

  test('rejects an existing table with another layout with DYNAMODB_TABLE_MISMATCH, naming each difference', async () => {
    const { tableName } = await emulator.createAuthjsTable({ tableName: 'other-layout' })
    const backend = awsBackend({
      region: emulator.region,
      credentials,
      table: { tableName, partitionKey: 'PK', indexName: 'lookup' },
      existingTable: true,
    })
    await expect(backend.setup()).rejects.toThrow(
      expect.objectContaining({
        code: 'DYNAMODB_TABLE_MISMATCH',
        message: expect.stringMatching(
          /the partition key is pk, expected PK; there is no global secondary index named lookup/,
        ),
      }),
    )
  })
})
