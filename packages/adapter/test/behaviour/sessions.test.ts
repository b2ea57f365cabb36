import { describe, expect, it } from 'vitest'
import { DynamoDBAdapterError } from '../../src/index.js'
import { describeOnBackends } from '../support/test-backend.js'
import { freshAdapter, rawItem } from './support/backend-fixture.js'
import { DAY, inWholeSeconds, newSession, newUser } from './support/fixtures.js'
import { expectNoStorageAttributes } from './support/storage-attributes.js'

describeOnBackends((fixture) => {
  describe('createSession', () => {
    it('stores the session in the layout of @auth/dynamodb-adapter with expires in epoch seconds', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const session = newSession(user.id)

      const created = await adapter.createSession(session)

      expect(created).toEqual(session)
      expect(created.expires).toBeInstanceOf(Date)
      expectNoStorageAttributes(created)
      const key = { pk: `USER#${user.id}`, sk: `SESSION#${session.sessionToken}` }
      expect(await rawItem(fixture.client, tableName, key)).toEqual({
        ...key,
        GSI1PK: `SESSION#${session.sessionToken}`,
        GSI1SK: `SESSION#${session.sessionToken}`,
        type: 'SESSION',
        sessionToken: session.sessionToken,
        userId: user.id,
        expires: session.expires.getTime() / 1000,
      })
    })
  })

  describe('getSessionAndUser', () => {
    it('returns the session and its user without storage attributes', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const session = await adapter.createSession(newSession(user.id))

      const found = await adapter.getSessionAndUser(session.sessionToken)

      expect(found).toEqual({ session, user })
      expectNoStorageAttributes(found?.session)
      expectNoStorageAttributes(found?.user)
    })

    it('returns null for an unknown token', async () => {
      const { adapter } = await freshAdapter(fixture)
      expect(await adapter.getSessionAndUser(crypto.randomUUID())).toBeNull()
    })

    it('reads an expired session as missing, although DynamoDB has not deleted it yet', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const session = await adapter.createSession(newSession(user.id, inWholeSeconds(-1000)))

      expect(await adapter.getSessionAndUser(session.sessionToken)).toBeNull()
      const key = { pk: `USER#${user.id}`, sk: `SESSION#${session.sessionToken}` }
      expect(await rawItem(fixture.client, tableName, key)).toBeDefined()
    })

    it('returns null when the session outlived its user', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const session = await adapter.createSession(newSession(user.id))
      await fixture.client.delete({
        TableName: tableName,
        Key: { pk: `USER#${user.id}`, sk: `USER#${user.id}` },
      })

      expect(await adapter.getSessionAndUser(session.sessionToken)).toBeNull()
    })
  })

  describe('updateSession', () => {
    it('extends the expiry and returns the updated session', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const session = await adapter.createSession(newSession(user.id))
      const expires = inWholeSeconds(30 * DAY)

      const updated = await adapter.updateSession({ sessionToken: session.sessionToken, expires })

      expect(updated).toEqual({ ...session, expires })
      expectNoStorageAttributes(updated)
      expect((await adapter.getSessionAndUser(session.sessionToken))?.session.expires).toEqual(
        expires,
      )
    })

    it('returns null for an unknown token and writes nothing', async () => {
      const { adapter } = await freshAdapter(fixture)
      const token = crypto.randomUUID()
      expect(
        await adapter.updateSession({ sessionToken: token, expires: inWholeSeconds(DAY) }),
      ).toBeNull()
      expect(await adapter.getSessionAndUser(token)).toBeNull()
    })

    it('reads an expired session as missing', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const session = await adapter.createSession(newSession(user.id, inWholeSeconds(-1000)))

      expect(
        await adapter.updateSession({
          sessionToken: session.sessionToken,
          expires: inWholeSeconds(DAY),
        }),
      ).toBeNull()
    })

    it('refuses to move a session to another user', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const session = await adapter.createSession(newSession(user.id))

      const error = await adapter
        .updateSession({ sessionToken: session.sessionToken, userId: 'someone-else' })
        .catch((e: unknown) => e)

      expect(error).toBeInstanceOf(DynamoDBAdapterError)
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', method: 'updateSession' })
      expect((await adapter.getSessionAndUser(session.sessionToken))?.session).toEqual(session)
    })
  })

  describe('deleteSession', () => {
    it('deletes the session and returns it', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const session = await adapter.createSession(newSession(user.id))

      const deleted = await adapter.deleteSession(session.sessionToken)

      expect(deleted).toEqual(session)
      expectNoStorageAttributes(deleted)
      expect(await adapter.getSessionAndUser(session.sessionToken)).toBeNull()
      expect(await adapter.getUser(user.id)).toEqual(user)
    })

    it('returns null for an unknown token', async () => {
      const { adapter } = await freshAdapter(fixture)
      expect(await adapter.deleteSession(crypto.randomUUID())).toBeNull()
    })
  })
})
