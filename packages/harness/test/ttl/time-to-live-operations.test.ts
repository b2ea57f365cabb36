import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Emulator, startEmulator } from '../../src/index.js'
import { clientFor } from '../support/clients.js'
import { dynamoHeaders, rawDynamoRequest } from '../support/raw-request.js'

describe('UpdateTimeToLive and DescribeTimeToLive behave as the real service', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator({ ttl: { mode: 'manual' } })
  })
  afterAll(() => emulator.stop())

  const newTable = async (name: string) => {
    await clientFor(emulator).send(
      new CreateTableCommand({
        TableName: name,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    )
  }
  const describeTtl = async (name: string) =>
    (await clientFor(emulator).send(new DescribeTimeToLiveCommand({ TableName: name })))
      .TimeToLiveDescription
  const updateTtl = (name: string, Enabled: boolean, AttributeName: string) =>
    clientFor(emulator).send(
      new UpdateTimeToLiveCommand({
        TableName: name,
        TimeToLiveSpecification: { Enabled, AttributeName },
      }),
    )

  test('the seeded Auth.js table has TTL enabled on expires', async () => {
    expect(await describeTtl('next-auth')).toEqual({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'expires',
    })
  })

  test('a new table starts DISABLED; enabling and disabling round-trip', async () => {
    await newTable('ttl-round-trip')
    expect(await describeTtl('ttl-round-trip')).toEqual({ TimeToLiveStatus: 'DISABLED' })

    const enabled = await updateTtl('ttl-round-trip', true, 'expiresAt')
    expect(enabled.TimeToLiveSpecification).toEqual({ Enabled: true, AttributeName: 'expiresAt' })
    expect(await describeTtl('ttl-round-trip')).toEqual({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'expiresAt',
    })

    await updateTtl('ttl-round-trip', false, 'expiresAt')
    expect(await describeTtl('ttl-round-trip')).toEqual({ TimeToLiveStatus: 'DISABLED' })
  })

  test('enabling twice is a ValidationException', async () => {
    await newTable('ttl-twice')
    await updateTtl('ttl-twice', true, 'expires')
    await expect(updateTtl('ttl-twice', true, 'other')).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'TimeToLive is already enabled',
    })
  })

  test('disabling when disabled, or on another attribute, is a ValidationException', async () => {
    await newTable('ttl-disable')
    await expect(updateTtl('ttl-disable', false, 'expires')).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'TimeToLive is already disabled',
    })
    await updateTtl('ttl-disable', true, 'expires')
    await expect(updateTtl('ttl-disable', false, 'ttl')).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('current AttributeName is expires'),
    })
  })

  test('an unknown table is a ResourceNotFoundException for both operations', async () => {
    await expect(describeTtl('no-such-table')).rejects.toBeInstanceOf(ResourceNotFoundException)
    await expect(updateTtl('no-such-table', true, 'expires')).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: expect.stringContaining('Table: no-such-table not found'),
    })
  })

  test('a deleted and re-created table starts with TTL disabled again', async () => {
    await newTable('ttl-recreated')
    await updateTtl('ttl-recreated', true, 'expires')
    await clientFor(emulator).send(new DeleteTableCommand({ TableName: 'ttl-recreated' }))
    // DeleteTable answers while the table is DELETING, as the real service does.
    await expect
      .poll(() => emulator.listTables(), { interval: 5, timeout: 5_000 })
      .not.toContain('ttl-recreated')
    await newTable('ttl-recreated')
    expect(await describeTtl('ttl-recreated')).toEqual({ TimeToLiveStatus: 'DISABLED' })
  })

  test.each([
    [
      'no TableName',
      { TimeToLiveSpecification: { Enabled: true, AttributeName: 'x' } },
      /'tableName'/,
    ],
    ['no specification', { TableName: 'next-auth' }, /'timeToLiveSpecification'/],
    [
      'no Enabled',
      { TableName: 'next-auth', TimeToLiveSpecification: { AttributeName: 'x' } },
      /'timeToLiveSpecification.enabled'/,
    ],
    [
      'empty attribute',
      { TableName: 'next-auth', TimeToLiveSpecification: { Enabled: false, AttributeName: '' } },
      /'timeToLiveSpecification.attributeName'/,
    ],
  ])('a request with %s is a ValidationException naming the field', async (_name, body, field) => {
    const { status, json } = await rawDynamoRequest(
      emulator.endpoint,
      dynamoHeaders('UpdateTimeToLive'),
      JSON.stringify(body),
    )
    expect(status).toBe(400)
    expect(json.__type).toMatch(/#ValidationException$/)
    expect(json.message).toMatch(field)
  })
})
