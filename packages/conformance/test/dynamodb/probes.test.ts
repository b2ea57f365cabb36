import { randomUUID } from 'node:crypto'
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { dynamodbProbes, emulatorBackend } from '../../src/dynamodb/index.js'
import { customTableNames } from './support/custom-names.js'

// Items written directly, in the layout's shape under custom names, as any adapter (or an older
// table) might hold them; the probes read them back as Auth.js types them.
const backend = emulatorBackend({ table: customTableNames })
beforeAll(() => backend.setup())
afterAll(() => backend.teardown())

const put = (item: Record<string, unknown>) =>
  backend.documentClient.send(new PutCommand({ TableName: backend.table.tableName, Item: item }))

describe('dynamodbProbes', () => {
  test('read each entity where the layout puts it, under the configured names, as Auth.js types it', async () => {
    const probes = dynamodbProbes(backend)
    const userId = randomUUID()
    const user = `USER#${userId}`
    await put({
      PK: user,
      SK: user,
      lookupPK: 'USER#a@example.com',
      lookupSK: 'USER#a@example.com',
      type: 'USER',
      id: userId,
      email: 'a@example.com',
      emailVerified: '2024-05-06T07:08:09.000Z',
    })
    await put({
      PK: user,
      SK: 'ACCOUNT#github#42',
      lookupPK: 'ACCOUNT#github',
      lookupSK: 'ACCOUNT#42',
      type: 'oauth',
      userId,
      provider: 'github',
      providerAccountId: '42',
      expires_at: 1_700_000_000,
    })
    await put({
      PK: user,
      SK: 'SESSION#s1',
      lookupPK: 'SESSION#s1',
      lookupSK: 'SESSION#s1',
      type: 'SESSION',
      userId,
      sessionToken: 's1',
      expires: 1_000_000_000.25, // long expired, and fractional as @auth/dynamodb-adapter writes
    })
    await put({
      PK: 'VT#a@example.com',
      SK: 'VT#t1',
      type: 'VT',
      identifier: 'a@example.com',
      token: 't1',
      expires: '2030-01-01T00:00:00.000Z',
    })
    await put({
      PK: user,
      SK: 'AUTHENTICATOR#c1',
      lookupPK: 'AUTHENTICATOR#c1',
      lookupSK: 'AUTHENTICATOR#c1',
      type: 'AUTHENTICATOR',
      credentialID: 'c1',
      userId,
      counter: 0,
    })

    expect(await probes.user(userId)).toEqual({
      id: userId,
      email: 'a@example.com',
      emailVerified: new Date('2024-05-06T07:08:09.000Z'),
    })
    expect(await probes.account({ provider: 'github', providerAccountId: '42' })).toEqual({
      type: 'oauth',
      userId,
      provider: 'github',
      providerAccountId: '42',
      expires_at: 1_700_000_000,
    })
    expect(await probes.session('s1'), 'an expired session is returned, not filtered').toEqual({
      userId,
      sessionToken: 's1',
      expires: new Date(1_000_000_000_250),
    })
    expect(await probes.verificationToken({ identifier: 'a@example.com', token: 't1' })).toEqual({
      identifier: 'a@example.com',
      token: 't1',
      expires: new Date('2030-01-01T00:00:00.000Z'),
    })
    expect(await probes.authenticator('c1')).toEqual({ credentialID: 'c1', userId, counter: 0 })
  })

  test('return null for what is not stored', async () => {
    const probes = dynamodbProbes(backend)
    expect(await probes.user(randomUUID())).toBeNull()
    expect(await probes.account({ provider: 'github', providerAccountId: randomUUID() })).toBeNull()
    expect(await probes.session(randomUUID())).toBeNull()
    expect(await probes.verificationToken({ identifier: 'x', token: randomUUID() })).toBeNull()
    expect(await probes.authenticator(randomUUID())).toBeNull()
  })

  test('work with a DynamoDBDocumentClient as well as a DynamoDBDocument', async () => {
    const userId = randomUUID()
    await put({
      PK: `USER#${userId}`,
      SK: `USER#${userId}`,
      type: 'USER',
      id: userId,
      email: 'b@example.com',
    })
    const probes = dynamodbProbes({
      documentClient: DynamoDBDocumentClient.from(backend.client),
      table: backend.table,
    })
    expect(await probes.user(userId)).toEqual({ id: userId, email: 'b@example.com' })
  })

  test('reject a record found through the index at another primary key with DYNAMODB_LAYOUT_MISMATCH', async () => {
    const probes = dynamodbProbes(backend)
    const token = randomUUID()
    await put({
      PK: `SESSION#${token}`, // not the user's partition, where deleteUser looks
      SK: `SESSION#${token}`,
      lookupPK: `SESSION#${token}`,
      lookupSK: `SESSION#${token}`,
      userId: 'u1',
      sessionToken: token,
    })
    await expect(probes.session(token)).rejects.toThrow(
      expect.objectContaining({
        code: 'DYNAMODB_LAYOUT_MISMATCH',
        message: expect.stringContaining('the layout puts it at "USER#u1"'),
      }),
    )
  })

  test('reject two records under the index keys of one with DYNAMODB_LAYOUT_MISMATCH', async () => {
    const probes = dynamodbProbes(backend)
    const providerAccountId = randomUUID()
    for (const userId of ['u1', 'u2']) {
      await put({
        PK: `USER#${userId}`,
        SK: `ACCOUNT#github#${providerAccountId}`,
        lookupPK: 'ACCOUNT#github',
        lookupSK: `ACCOUNT#${providerAccountId}`,
        userId,
        provider: 'github',
        providerAccountId,
      })
    }
    await expect(probes.account({ provider: 'github', providerAccountId })).rejects.toThrow(
      expect.objectContaining({
        code: 'DYNAMODB_LAYOUT_MISMATCH',
        message: expect.stringMatching(/^2 items/),
      }),
    )
  })
})
