import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { adminClient, type Emulator, startEmulator } from '../../src/index.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'auth-dynamo-seed-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const seedFile = async (name: string, content: unknown) => {
  const path = join(dir, name)
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

const user = { pk: 'USER#1', sk: 'USER#1', type: 'USER', email: 'a@example.com' }

const sortedItems = async (emulator: Emulator, tableName = 'next-auth') =>
  (await emulator.items(tableName)).items.sort((a, b) =>
    `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`),
  )

describe('seed files at start', () => {
  test('plain JSON goes through the document marshaller', async () => {
    const path = await seedFile('plain.json', {
      'next-auth': [
        { ...user, emailVerified: null, profile: { age: 42, tags: ['x', 'y'] }, admin: true },
      ],
    })
    await using emulator = await startEmulator({ seed: path, ttl: { mode: 'manual' } })
    const { items } = await emulator.items('next-auth', 'dynamodb')
    expect(items).toEqual([
      {
        pk: { S: 'USER#1' },
        sk: { S: 'USER#1' },
        type: { S: 'USER' },
        email: { S: 'a@example.com' },
        emailVerified: { NULL: true },
        profile: { M: { age: { N: '42' }, tags: { L: [{ S: 'x' }, { S: 'y' }] } } },
        admin: { BOOL: true },
      },
    ])
  })

  test('a file that starts with a UTF-8 byte order mark loads', async () => {
    await using emulator = await startEmulator({
      seed: await seedFile('bom.json', `\uFEFF${JSON.stringify({ 'next-auth': [user] })}`),
      ttl: { mode: 'manual' },
    })
    expect((await emulator.items('next-auth')).items).toEqual([user])
  })

  test('DynamoDB JSON is loaded as written, sets included', async () => {
    const item = {
      pk: { S: 'VT#a@example.com' },
      sk: { S: 'VT#token' },
      expires: { N: '1900000000' },
      scopes: { SS: ['read', 'write'] },
      blob: { B: 'AAEC' },
      // DynamoDB's range, both ends, and its full precision
      limits: { NS: ['0', `${'9'.repeat(38)}${'0'.repeat(88)}`, `0.${'0'.repeat(129)}1`] },
      precise: { N: '1.2345678901234567890123456789012345678' },
    }
    await using emulator = await startEmulator({
      seed: await seedFile('dynamodb.json', { 'next-auth': [item] }),
      ttl: { mode: 'manual' },
    })
    expect((await emulator.items('next-auth', 'dynamodb')).items).toEqual([item])
  })

  test('files written for `aws dynamodb batch-write-item` load too', async () => {
    const path = await seedFile('batch.json', {
      'next-auth': [{ PutRequest: { Item: { pk: { S: 'USER#1' }, sk: { S: 'USER#1' } } } }],
    })
    await using emulator = await startEmulator({ seed: path, ttl: { mode: 'manual' } })
    expect(await sortedItems(emulator)).toEqual([{ pk: 'USER#1', sk: 'USER#1' }])
  })

  test('"$format": "plain" loads items that only look like DynamoDB JSON as plain JSON', async () => {
    const path = await seedFile('forced.json', {
      $format: 'plain',
      'next-auth': [{ pk: 'USER#1', sk: 'USER#1', note: { S: 'a map with an S key' } }],
    })
    await using emulator = await startEmulator({ seed: path, ttl: { mode: 'manual' } })
    expect((await sortedItems(emulator))[0]?.note).toEqual({ S: 'a map with an S key' })
  })

  test('several seeds load in order, inline data too: a later item with the same key wins', async () => {
    const path = await seedFile('first.json', {
      'next-auth': [{ ...user, email: 'old@example.com' }],
    })
    await using emulator = await startEmulator({
      seed: [path, { 'next-auth': [user, { pk: 'USER#2', sk: 'USER#2' }] }],
      ttl: { mode: 'manual' },
    })
    expect(await sortedItems(emulator)).toEqual([user, { pk: 'USER#2', sk: 'USER#2' }])
  })

  test('reset() loads the seed again', async () => {
    await using emulator = await startEmulator({
      seed: { 'next-auth': [user] },
      ttl: { mode: 'manual' },
    })
    await emulator.deleteTable('next-auth')
    await emulator.reset()
    expect(await sortedItems(emulator)).toEqual([user])
  })

  test('with persist, only empty tables get seed items: what is stored stays', async () => {
    const persist = join(dir, 'persisted')
    const seed = { 'next-auth': [user] }
    {
      await using emulator = await startEmulator({ persist, seed, ttl: { mode: 'manual' } })
      await emulator.namespace().truncate()
      const { DynamoDBClient, PutItemCommand } = await import('@aws-sdk/client-dynamodb')
      const client = new DynamoDBClient({
        endpoint: emulator.endpoint,
        region: emulator.region,
        credentials: emulator.credentials,
      })
      await client.send(
        new PutItemCommand({
          TableName: 'next-auth',
          Item: { pk: { S: 'USER#9' }, sk: { S: 'USER#9' } },
        }),
      )
      client.destroy()
    }
    await using restarted = await startEmulator({ persist, seed, ttl: { mode: 'manual' } })
    expect(await sortedItems(restarted)).toEqual([{ pk: 'USER#9', sk: 'USER#9' }])
  })
})

describe('bad seed data names the file, item and attribute', () => {
  const startWith = async (content: unknown) =>
    startEmulator({
      seed: await seedFile(`bad-${Math.random()}.json`, content),
      ttl: { mode: 'manual' },
    })

  test('a missing file', async () => {
    const path = join(dir, 'missing.json')
    await expect(startEmulator({ seed: path })).rejects.toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTIONS',
        message: `Cannot read the seed file ${path}: there is no such file`,
      }),
    )
  })

  test('a file that is not JSON', async () => {
    await expect(startWith('{ "next-auth": [ }')).rejects.toThrow(
      /The seed file .*bad-.*\.json is not valid JSON/,
    )
  })

  test.each([
    [[1, 2], /must be a JSON object of table names to arrays of items/],
    [{ 'next-auth': { pk: 'a' } }, /"next-auth" must be an array of items, got object/],
    [{ 'next-auth': [user, 'x'] }, /item 1 of table "next-auth": is a string/],
    [{ $format: 'yaml', 'next-auth': [] }, /"\$format" must be "plain" or "dynamodb"/],
    [
      { 'next-auth': [{ pk: { S: 'a' }, sk: { S: 'a' }, profile: { M: { age: { N: 'old' } } } }] },
      /item 0 of table "next-auth", attribute "profile.age": N must be a string holding a number/,
    ],
    [
      { 'next-auth': [{ pk: { S: 'a' }, sk: { S: 'a' }, tags: { SS: ['x', 'x'] } }] },
      /attribute "tags": SS must be a set: without duplicates/,
    ],
    [
      { 'next-auth': [user, { pk: 'USER#2', type: 'USER' }] },
      /item 1 of table "next-auth", attribute "sk": the key attribute is missing \(the table's key is pk \(S\), sk \(S\)\)/,
    ],
    [
      { 'next-auth': [{ pk: 7, sk: 'x' }] },
      /item 0 of table "next-auth", attribute "pk": the key attribute must be of type S, got N/,
    ],
    [
      { 'next-auth': [{ pk: '', sk: 'x' }] },
      /item 0 of table "next-auth": DynamoDB rejects it: ValidationException: .*empty string/,
    ],
    [
      { 'next-auth': [{ pk: { S: 'a' }, sk: { S: 'a' }, age: { X: '1' } }] },
      /item 0 of table "next-auth", attribute "age": must have exactly one type key .*got X/,
    ],
    [
      { 'next-auth': [{ pk: { S: 'a' }, sk: { S: 'a' }, m: { M: { big: { N: '1e400' } } } }] },
      /attribute "m.big": N "1e400" is too large: a DynamoDB Number is under 1E\+126/,
    ],
    [
      { 'next-auth': [{ pk: { S: 'a' }, sk: { S: 'a' }, tiny: { NS: ['1', '1e-131'] } }] },
      /attribute "tiny": N "1e-131" is too small/,
    ],
    [
      { 'next-auth': [{ pk: { S: 'a' }, sk: { S: 'a' }, n: { N: '1'.repeat(39) } }] },
      /attribute "n": N "1{39}" has more than 38 significant digits/,
    ],
    [
      { 'next-auth': [{ pk: { S: 'a' }, sk: { S: 'a' }, n: { N: '+5' } }] },
      /attribute "n": N "\+5" is not a number this emulator stores/,
    ],
    [
      { 'next-auth': [{ pk: { S: 'a' }, sk: { S: 'a' }, both: { S: 'x', N: '1' } }] },
      /attribute "both": must have exactly one type key .*got S, N/,
    ],
    [
      { 'next-auth': [{ pk: 'a', sk: 'a', scores: [1, { tiny: 1e-200 }] }] },
      /item 0 of table "next-auth", attribute "scores\[1\].tiny": N "1e-200" is too small/,
    ],
    [
      { 'next-auth': [{ pk: { S: 'a' }, sk: { S: 'a' } }, user] },
      /item 1 of table "next-auth": is plain JSON while item 0 is DynamoDB JSON: write a table's items in one format/,
    ],
    [{ sessions: [user] }, /there is no table "sessions" to load items into \(tables: next-auth\)/],
  ])('%j', async (content, message) => {
    const error = await startWith(content).then(
      async (emulator) => {
        await emulator.stop()
        throw new Error('the emulator started')
      },
      (thrown: Error & { code?: string }) => thrown,
    )
    expect(error.code).toBe('INVALID_OPTIONS')
    expect(error.message).toMatch(/^Seed file .*bad-.*\.json|^The seed file/)
    expect(error.message).toMatch(message)
  })

  test('inline data that the marshaller cannot convert names the attribute', async () => {
    await expect(
      startEmulator({ seed: { 'next-auth': [{ ...user, at: new Date(0) }] } as never }),
    ).rejects.toThrow(
      /^Seed option: item 0 of table "next-auth", attribute "at": cannot be converted to a DynamoDB value/,
    )
  })
})

describe('seeds of namespaces', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator({ seed: { 'next-auth': [user] }, ttl: { mode: 'manual' } })
  })
  afterAll(() => emulator.stop())

  test("a namespace with the emulator's tables gets the emulator's seed; one with its own tables does not", async () => {
    const withDefaults = await emulator.createNamespace()
    expect((await withDefaults.items('next-auth')).items).toEqual([user])
    const own = await emulator.createNamespace({
      tables: [
        {
          TableName: 'other',
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
        },
      ],
    })
    expect(await own.listTables()).toEqual(['other'])
    await withDefaults.dispose()
    await own.dispose()
  })

  test('createNamespace({ seed }) loads its own seed, and again on reset', async () => {
    const namespace = await emulator.createNamespace({
      seed: { 'next-auth': [{ pk: 'USER#2', sk: 'USER#2' }] },
    })
    expect((await namespace.items('next-auth')).items).toEqual([{ pk: 'USER#2', sk: 'USER#2' }])
    await namespace.truncate()
    await namespace.reset()
    expect((await namespace.items('next-auth')).count).toBe(1)
    expect(await namespace.seed({ 'next-auth': [user] })).toEqual({ written: 1 })
    expect((await namespace.items('next-auth')).count).toBe(2)
    await namespace.dispose()
  })

  test('a bad namespace seed is refused before the namespace is made', async () => {
    await expect(
      emulator.createNamespace({ seed: { 'next-auth': [{ pk: 'x' }] } }),
    ).rejects.toThrow(/attribute "sk": the key attribute is missing/)
  })

  test('the admin API takes inline seeds when making a namespace, and loads more later', async () => {
    const admin = adminClient(emulator.endpoint)
    const info = await admin.createNamespace({
      seed: { 'next-auth': [{ pk: 'USER#3', sk: 'USER#3' }] },
    })
    const scoped = admin.namespace(info.id)
    expect((await scoped.items('next-auth')).items).toEqual([{ pk: 'USER#3', sk: 'USER#3' }])
    expect(await scoped.seed({ 'next-auth': [user] })).toEqual({ written: 1 })
    await expect(scoped.seed({ 'next-auth': [{ pk: 1 }] })).rejects.toThrow(
      /400: Seed option: item 0 of table "next-auth", attribute "pk": the key attribute must be of type S/,
    )
    // The admin API reads no files: a path is refused.
    await expect(admin.createNamespace({ seed: '/etc/passwd' as never })).rejects.toThrow(/400/)
    await admin.deleteNamespace(info.id)
  })
})
