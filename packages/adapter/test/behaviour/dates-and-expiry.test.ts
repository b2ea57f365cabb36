import { describe, expect, it } from 'vitest'
import { DynamoDBAdapterError } from '../../src/index.js'
import { describeOnBackends } from '../support/test-backend.js'
import { freshAdapter, rawItem } from './support/backend-fixture.js'
import { DAY, newSession, newUser, newVerificationToken } from './support/fixtures.js'

describeOnBackends((fixture) => {
  const inOneDaySeconds = () => Math.floor(Date.now() / 1000) + DAY / 1000

  describe('expires is written as epoch seconds with the milliseconds as a fraction', () => {
    it('round-trips a session expiry to the millisecond (next-auth v4 compares it exactly)', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const expires = new Date(inOneDaySeconds() * 1000 + 151)
      const session = newSession(user.id, expires)

      const created = await adapter.createSession(session)

      const item = await rawItem(fixture.client, tableName, {
        pk: `USER#${user.id}`,
        sk: `SESSION#${session.sessionToken}`,
      })
      expect(item?.expires).toBe(expires.getTime() / 1000)
      expect(created.expires).toEqual(expires)
      const found = await adapter.getSessionAndUser(session.sessionToken)
      expect(found?.session.expires).toEqual(expires)
      const later = new Date(expires.getTime() + DAY + 7)
      expect(
        (await adapter.updateSession({ sessionToken: session.sessionToken, expires: later }))
          ?.expires,
      ).toEqual(later)
      expect((await adapter.deleteSession(session.sessionToken))?.expires).toEqual(later)
    })

    it('round-trips verification token expiries with any milliseconds', async () => {
      const { adapter } = await freshAdapter(fixture)
      const base = inOneDaySeconds() * 1000
      const tokens = [1, 7, 99, 151, 333, 500, 501, 998, 999].map((ms) =>
        newVerificationToken('ada@example.com', new Date(base + ms)),
      )
      await Promise.all(tokens.map((token) => adapter.createVerificationToken(token)))

      const used = await Promise.all(tokens.map((token) => adapter.useVerificationToken(token)))

      expect(used.map((token) => token?.expires.getTime())).toEqual(
        tokens.map((token) => token.expires.getTime()),
      )
    })

    it('is a Number DynamoDB TTL reads: an expired item goes at the next sweep, a live one stays', async ({
      skip,
    }) => {
      if (!fixture.emulator) return skip('TTL sweeps on demand need the emulator')
      const { adapter, tableName } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const expired = await adapter.createSession(
        newSession(user.id, new Date(Date.now() - 60_123)),
      )
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

    it('reads whole epoch seconds (as versions before 0.2 of this adapter wrote them)', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const seconds = inOneDaySeconds()
      const token = await putSession(tableName, user.id, seconds)

      const found = await adapter.getSessionAndUser(token)

      expect(found?.session.expires).toEqual(new Date(seconds * 1000))
    })

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

    it('returns a custom field that is exactly an ISO date-time string as a Date, as upstream does', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const user = await adapter.createUser({
        ...newUser(),
        lastSeen: '2024-03-04T05:06:07.000Z',
        birthday: '1815-12-10',
      } as never)

      const found = (await adapter.getUser(user.id)) as unknown as Record<string, unknown>

      // Stored as the string it was; read back as a Date, because the item keeps no type and
      // @auth/dynamodb-adapter (which reads the same table) revives every such string.
      expect(
        await rawItem(fixture.client, tableName, { pk: `USER#${user.id}`, sk: `USER#${user.id}` }),
      ).toMatchObject({ lastSeen: '2024-03-04T05:06:07.000Z' })
      expect(found.lastSeen).toEqual(new Date('2024-03-04T05:06:07.000Z'))
      // A date without a time is not an ISO date-time: it stays a string.
      expect(found.birthday).toBe('1815-12-10')
    })

    it('keeps a free-text field that merely contains a date a string', async () => {
      const { adapter } = await freshAdapter(fixture)
      const bio = 'joined 2024-03-04T05:06:07Z, likes engines'
      const user = await adapter.createUser({ ...newUser(), bio } as never)

      expect((await adapter.getUser(user.id)) as unknown).toMatchObject({ bio })
    })
  })
})
