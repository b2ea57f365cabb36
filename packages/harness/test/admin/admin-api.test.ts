import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type AdminClient, adminClient, type Emulator, startEmulator } from '../../src/index.js'
import { documentClientFor, epochSeconds } from '../support/clients.js'

describe('admin API under /_emulator/', () => {
  let emulator: Emulator
  let admin: AdminClient
  beforeAll(async () => {
    emulator = await startEmulator({ clock: 'manual', ttl: { mode: 'manual' } })
    admin = adminClient(emulator.endpoint)
  })
  afterAll(() => emulator.stop())

  const post = (path: string, body: string) =>
    fetch(`${emulator.adminUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })

  test('GET health reports state, endpoint, tables, clock and TTL settings', async () => {
    const health = await admin.health()
    expect(health).toMatchObject({
      status: 'ok',
      state: 'running',
      endpoint: emulator.endpoint,
      region: 'us-east-1',
      tables: ['next-auth'],
      clock: { mode: 'manual' },
      ttl: { mode: 'manual', intervalMs: 1000, lagMs: 0 },
      lastSweepError: null,
    })
  })

  test('POST clock advances or sets the clock that the emulator itself uses', async () => {
    const before = await admin.clock()
    const advanced = await admin.advanceClock(90_000)
    expect(advanced.epochMs - before.epochMs).toBe(90_000)
    expect(emulator.clock.now().getTime()).toBe(advanced.epochMs)

    const set = await admin.setClock('2031-05-06T07:08:09.000Z')
    const { offsetMs, ...clock } = set
    expect(clock).toEqual({
      mode: 'manual',
      now: '2031-05-06T07:08:09.000Z',
      epochMs: Date.parse('2031-05-06T07:08:09.000Z'),
    })
    // The offset is the distance from the machine's time, which moved on a little meanwhile.
    expect(Math.abs(offsetMs - (set.epochMs - Date.now()))).toBeLessThan(60_000)
    expect(await admin.clock()).toMatchObject(clock)

    const back = await admin.resetClock()
    expect(Math.abs(back.epochMs - Date.now())).toBeLessThan(60_000)
    expect(Math.abs(back.offsetMs)).toBeLessThan(1000)
    emulator.clock.set(Date.now())
  })

  test('POST sweep deletes what the clock has expired', async () => {
    const db = documentClientFor(emulator)
    await db.put({
      TableName: 'next-auth',
      Item: { pk: 'VT#a@example.com', sk: 'VT#token', expires: epochSeconds(emulator, 30) },
    })
    await admin.advanceClock(31_000)
    expect(await admin.sweep({ tableName: 'next-auth' })).toEqual({ deleted: 1 })
    expect(await admin.sweep()).toEqual({ deleted: 0 })
    await expect(admin.sweep({ tableName: 'nope' })).rejects.toMatchObject({
      message: expect.stringContaining('No table named nope'),
    })
  })

  test('GET tables/:name/items dumps plain JSON, or DynamoDB JSON on request', async () => {
    const { tableName } = await admin.createAuthjsTable()
    const db = documentClientFor(emulator)
    await db.put({
      TableName: tableName,
      Item: { pk: 'USER#1', sk: 'USER#1', n: 12, big: 12345678901234567890n, tags: new Set(['a']) },
    })
    expect(await admin.items(tableName)).toEqual({
      tableName,
      count: 1,
      items: [{ pk: 'USER#1', sk: 'USER#1', n: 12, big: '12345678901234567890', tags: ['a'] }],
    })
    const raw = await admin.items(tableName, 'dynamodb')
    expect(raw.items[0]).toMatchObject({ pk: { S: 'USER#1' }, n: { N: '12' } })
  })

  test('POST tables makes an isolated Auth.js table with TTL; DELETE removes it', async () => {
    const first = await admin.createAuthjsTable({ tableName: 'file-a', partitionKey: 'PK' })
    const second = await admin.createAuthjsTable({ tableName: 'file-a' })
    expect(first.tableName).toMatch(/^file-a-[0-9a-f]{12}$/)
    expect(second.tableName).not.toBe(first.tableName)
    expect(await admin.listTables()).toEqual(
      expect.arrayContaining([first.tableName, second.tableName]),
    )

    const db = documentClientFor(emulator)
    await db.put({
      TableName: first.tableName,
      Item: { PK: 'x', sk: 'y', expires: epochSeconds(emulator, -1) },
    })
    expect(await admin.sweep()).toEqual({ deleted: 1 })

    await admin.deleteTable(first.tableName)
    expect(await admin.listTables()).not.toContain(first.tableName)
  })

  test('POST tables accepts a CreateTable definition', async () => {
    const created = await admin.createTable({
      TableName: 'custom-definition',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    })
    expect(created).toEqual({ tableName: 'custom-definition' })
  })

  test.each([
    ['/clock', '{"advanceMs": -5}', /advanceMs/],
    ['/clock', '{"set": "soon", "advanceMs": 1}', /Bad request body/],
    ['/clock', '{"set": "not a date"}', /clock.set\(date\) needs a Date/],
    ['/clock', '{not json', /not valid JSON/],
    ['/truncate', 'null', /^The body must be a JSON object, got null$/],
    ['/truncate', '5', /^The body must be a JSON object, got number 5$/],
    ['/truncate', '"next-auth"', /^The body must be a JSON object, got string "next-auth"$/],
    ['/tables', '{"authjs": {"tableName": 5}}', /authjs/],
    ['/tables', '{"definition": {"TableName": "x"}}', /Could not create table x/],
  ])('POST %s with %s answers 400 with a message', async (path, body, message) => {
    const response = await post(path, body)
    expect(response.status).toBe(400)
    const json = (await response.json()) as { error: { message: string } }
    expect(json.error.message).toMatch(message)
  })

  test('an unknown table is a 404 naming the tables there are', async () => {
    const response = await fetch(`${emulator.adminUrl}/tables/nope/items`)
    expect(response.status).toBe(404)
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /No table named nope\. Tables: .*next-auth/,
    )
    await expect(admin.items('nope')).rejects.toMatchObject({
      code: 'ADMIN_REQUEST_FAILED',
      message: expect.stringContaining('404'),
    })
  })

  test('an unknown admin path is a 404 listing the endpoints', async () => {
    const response = await fetch(`${emulator.adminUrl}/time-travel`)
    expect(response.status).toBe(404)
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /Endpoints: GET health/,
    )
  })

  test('a seed of 2 MB loads; a body over 16 MB is a 413 that says what to do instead', async () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({
      pk: `USER#${i}`,
      sk: `USER#${i}`,
      pad: 'x'.repeat(80),
    }))
    const loaded = await fetch(`${emulator.adminUrl}/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ 'next-auth': items }),
    })
    expect(loaded.status).toBe(200)
    const tooBig = await fetch(`${emulator.adminUrl}/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ 'next-auth': [{ pk: 'a', sk: 'a', pad: 'x'.repeat(17_000_000) }] }),
    })
    expect(tooBig.status).toBe(413)
    expect(((await tooBig.json()) as { error: { message: string } }).error.message).toMatch(
      /larger than the admin API takes \(16mb\): load a bigger seed from a file/,
    )
  })

  test('the client accepts the admin URL as well as the endpoint', async () => {
    expect((await adminClient(emulator.adminUrl).health()).status).toBe('ok')
    expect((await adminClient(`${emulator.endpoint}/`).health()).status).toBe('ok')
  })

  test('the client names an unreachable emulator', async () => {
    await expect(adminClient('http://127.0.0.1:9').health()).rejects.toMatchObject({
      code: 'ADMIN_REQUEST_FAILED',
      message: expect.stringContaining('Is the emulator running?'),
    })
  })

  test('POST reset returns to the freshly seeded tables', async () => {
    const { tableName } = await admin.createAuthjsTable()
    await documentClientFor(emulator).put({
      TableName: 'next-auth',
      Item: { pk: 'USER#reset', sk: 'USER#reset' },
    })
    expect(await admin.reset()).toEqual({ tables: ['next-auth'] })
    expect(await admin.listTables()).not.toContain(tableName)
    expect((await admin.items('next-auth')).count).toBe(0)
    expect((await admin.health()).tables).toEqual(['next-auth'])
  })
})

describe('operation log', () => {
  test('counts every operation clients sent over HTTP, unsupported ones included, and none of the emulator’s own', async () => {
    await using emulator = await startEmulator({ ttl: { mode: 'manual' } })
    const db = documentClientFor(emulator)
    await db.put({ TableName: 'next-auth', Item: { pk: 'a', sk: 'a' } })
    await db.get({ TableName: 'next-auth', Key: { pk: 'a', sk: 'a' } })
    await db.get({ TableName: 'next-auth', Key: { pk: 'b', sk: 'b' } })
    await expect(
      db.executeStatement({ Statement: `SELECT * FROM "next-auth"` }),
    ).rejects.toMatchObject({ name: 'UnknownOperationException' })
    await emulator.sweep()
    await emulator.createAuthjsTable()

    const other = DynamoDBDocument.from(
      new DynamoDBClient({
        endpoint: emulator.endpoint,
        region: emulator.region,
        credentials: { accessKeyId: 'other-principal', secretAccessKey: 'x' },
      }),
    )
    await other.scan({ TableName: 'next-auth' })

    const expected = { ExecuteStatement: 1, GetItem: 2, PutItem: 1 }
    expect(emulator.operations({ accessKeyId: 'auth-dynamo' })).toEqual(expected)
    expect(emulator.operations({ accessKeyId: 'other-principal' })).toEqual({ Scan: 1 })
    expect(emulator.operations()).toEqual({ ...expected, Scan: 1 })
    const admin = adminClient(emulator.endpoint)
    expect(await admin.operations({ accessKeyId: 'auth-dynamo' })).toEqual(expected)
    expect(await admin.operations()).toEqual({ ...expected, Scan: 1 })
  })
})
