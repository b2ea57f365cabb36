import { describe, expect, it } from 'vitest'
import { DynamoDBAdapterError } from '../../src/index.js'
import { freshAdapter, rawItem, useEmulator } from './support/emulator-fixture.js'
import { DAY, newSession, newUser, newVerificationToken } from './support/fixtures.js'

const fixture = useEmulator()

const inOneDaySeconds = () => Math.floor(Date.now() / 1000) + DAY / 1000

describe('expires is written as whole epoch seconds', () => {
  it('rounds a session expiry down to the second, so it never outlives the requested time', async () => {
    const { adapter, tableName } = await freshAdapter(fixture)
    const user = await adapter.createUser(newUser())
    const seconds = inOneDaySeconds()
    const session = newSession(user.id, new Date(seconds * 1000 + 999))

    const created = await adapter.createSession(session)

    const item = await rawItem(fixture.client, tableName, {
      pk: `USER#${user.id}`,
      sk: `SESSION#${session.sessionToken}`,
    })
    expect(item?.expires).toBe(seconds)
    expect(created.expires).toEqual(new Date(seconds * 1000))
    expect((await adapter.getSessionAndUser(session.sessionToken))?.session.expires).toEqual(
      new Date(seconds * 1000),
    )
  })

  it('rounds a verification token expiry down to the second', async () => {
    const { adapter, tableName } = await freshAdapter(fixture)
    const seconds = inOneDaySeconds()
    const token = newVerificationToken('ada@example.com', new Date(seconds * 1000 + 1))

    await adapter.createVerificationToken(token)

    const item = await rawItem(fixture.client, tableName, {
      pk: 'VT#ada@example.com',
      sk: `VT#${token.token}`,
    })
    expect(item?.expires).toBe(seconds)
  })

  it('is what DynamoDB TTL deletes: an expired item goes at the next sweep, a live one stays', async () => {
    const { adapter, tableName } = await freshAdapter(fixture)
    const user = await adapter.createUser(newUser())
    const expired = await adapter.createSession(newSession(user.id, new Date(Date.now() - 60_000)))
    const live = await adapter.createSession(newSession(user.id))

    await fixture.emulator.sweep()

    const keyOf = (token: string) => ({ pk: `USER#${user.id}`, sk: `SESSION#${token}` })
    expect(await rawItem(fixture.client, tableName, keyOf(expired.sessionToken))).toBeUndefined()
    expect(await rawItem(fixture.client, tableName, keyOf(live.sessionToken))).toBeDefined()
  })

  it('rejects an invalid Date with INVALID_ARGUMENT and writes nothing', async () => {
    const { adapter } = await freshAdapter(fixture)
    const user = await adapter.createUser(newUser())
    const session = newSession(user.id, new Date(Number.NaN))

    const error = await adapter.createSession(session).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(DynamoDBAdapterError)
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', method: 'createSession' })
    expect((error as Error).message).toContain('expires')
    expect(await adapter.deleteSession(session.sessionToken)).toBeNull()
  })
})

describe('expires as older tables hold it', () => {
  async function putSession(tableName: string, userId: string, expires: unknown) {
    const sessionToken = crypto.randomUUID()
    await fixture.client.put({
      TableName: tableName,
      Item: {
        pk: `USER#${userId}`,
        sk: `SESSION#${sessionToken}`,
        GSI1PK: `SESSION#${sessionToken}`,
        GSI1SK: `SESSION#${sessionToken}`,
        type: 'SESSION',
        sessionToken,
        userId,
        expires,
      },
    })
    return sessionToken
  }

  it('reads fractional epoch seconds (as @auth/dynamodb-adapter writes them)', async () => {
    const { adapter, tableName } = await freshAdapter(fixture)
    const user = await adapter.createUser(newUser())
    const seconds = inOneDaySeconds() + 0.25
    const token = await putSession(tableName, user.id, seconds)

    const found = await adapter.getSessionAndUser(token)

    expect(found?.session.expires).toEqual(new Date(seconds * 1000))
  })

  it('reads ISO strings, and treats an expired ISO string as expired', async () => {
    const { adapter, tableName } = await freshAdapter(fixture)
    const user = await adapter.createUser(newUser())
    const future = new Date(Date.now() + DAY)
    const live = await putSession(tableName, user.id, future.toISOString())
    const expired = await putSession(tableName, user.id, new Date(Date.now() - DAY).toISOString())

    expect((await adapter.getSessionAndUser(live))?.session.expires).toEqual(future)
    expect(await adapter.getSessionAndUser(expired)).toBeNull()
  })

  it('reads fractional and ISO expiry of verification tokens', async () => {
    const { adapter, tableName } = await freshAdapter(fixture)
    const fractional = inOneDaySeconds() + 0.5
    const iso = new Date(Date.now() + DAY)
    for (const [token, expires] of [
      ['fractional', fractional],
      ['iso', iso.toISOString()],
      ['expired-iso', new Date(Date.now() - 1000).toISOString()],
    ] as const) {
      await fixture.client.put({
        TableName: tableName,
        Item: {
          pk: 'VT#ada@example.com',
          sk: `VT#${token}`,
          type: 'VT',
          identifier: 'ada@example.com',
          token,
          expires,
        },
      })
    }

    const use = (token: string) =>
      adapter.useVerificationToken({ identifier: 'ada@example.com', token })
    expect((await use('fractional'))?.expires).toEqual(new Date(fractional * 1000))
    expect((await use('iso'))?.expires).toEqual(iso)
    expect(await use('expired-iso')).toBeNull()
  })
})

describe('other dates', () => {
  it('stores emailVerified as an ISO string and returns a Date', async () => {
    const { adapter, tableName } = await freshAdapter(fixture)
    const verified = new Date('2024-03-04T05:06:07.089Z')
    const user = await adapter.createUser(newUser({ emailVerified: verified }))

    const item = await rawItem(fixture.client, tableName, {
      pk: `USER#${user.id}`,
      sk: `USER#${user.id}`,
    })

    expect(item?.emailVerified).toBe('2024-03-04T05:06:07.089Z')
    const found = await adapter.getUser(user.id)
    expect(found?.emailVerified).toBeInstanceOf(Date)
    expect(found?.emailVerified).toEqual(verified)
  })

  it('keeps a free-text field that merely contains a date a string', async () => {
    const { adapter } = await freshAdapter(fixture)
    const bio = 'joined 2024-03-04T05:06:07Z, likes engines'
    const user = await adapter.createUser({ ...newUser(), bio } as never)

    expect((await adapter.getUser(user.id)) as unknown).toMatchObject({ bio })
  })
})
