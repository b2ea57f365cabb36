import type { AdapterUser } from '@auth/core/adapters'
import type { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DynamoDBAdapter, type DynamoDBAdapterInstance } from '../../src/index.js'
import { describeOnBackends } from '../support/test-backend.js'
import { scanAll } from './document-client.js'
import {
  accountInput,
  inDays,
  sessionInput,
  userInput,
  verificationTokenInput,
} from './fixtures.js'
import {
  authUpstream,
  customKeyNames,
  type UpstreamAdapter,
  upstreams,
} from './upstream-adapters.js'

const storageAttributes = ['pk', 'sk', 'GSI1PK', 'GSI1SK']

/** The keys of `value` and of every plain object nested in it. */
function keysDeep(value: unknown): string[] {
  if (value === null || typeof value !== 'object' || value instanceof Date) return []
  return Object.entries(value).flatMap(([key, nested]) => [key, ...keysDeep(nested)])
}

describeOnBackends((backend) => {
  let document: DynamoDBDocument

  beforeAll(() => {
    document = backend.client
  })

  describe.each(upstreams)('items written by $name are read by ours', (upstream) => {
    let tableName: string
    let theirs: UpstreamAdapter
    let ours: DynamoDBAdapterInstance

    beforeEach(async () => {
      ;({ tableName } = await backend.createAuthjsTable())
      theirs = upstream.create(document, { tableName })
      ours = DynamoDBAdapter(document, { tableName })
    })

    async function theirUser(overrides: Partial<AdapterUser> = {}): Promise<AdapterUser> {
      return theirs.createUser(userInput(overrides))
    }

    it('getUser and getUserByEmail return the user, emailVerified as a Date', async () => {
      const user = await theirUser()
      expect(user.emailVerified).toBeInstanceOf(Date)

      expect(await ours.getUser(user.id)).toStrictEqual(user)
      expect(await ours.getUserByEmail(user.email)).toStrictEqual(user)
      expect(await ours.getUser(user.id)).toStrictEqual(await theirs.getUser(user.id))
    })

    it('reads a user whose emailVerified is null', async () => {
      const user = await theirUser({ emailVerified: null })

      expect(await ours.getUser(user.id)).toStrictEqual(user)
    })

    it('getUserByAccount and getAccount find an account linked by upstream', async () => {
      const user = await theirUser()
      const account = accountInput(user.id)
      await theirs.linkAccount(account)

      expect(
        await ours.getUserByAccount({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
        }),
      ).toStrictEqual(user)

      const read = await ours.getAccount(account.providerAccountId, account.provider)
      // Upstream stores a random `id` on each account item; ours may return it as a data field.
      expect(read).toMatchObject(account)
      expect(Object.keys(read ?? {}).filter((key) => key !== 'id')).toHaveLength(
        Object.keys(account).length,
      )
    })

    it('getSessionAndUser returns a session upstream created, with fractional-seconds expires', async () => {
      const user = await theirUser()
      const session = sessionInput(user.id, inDays(30, 250))
      await theirs.createSession(session)

      expect(await ours.getSessionAndUser(session.sessionToken)).toStrictEqual({ session, user })
    })

    it('updateSession moves the expiry of an upstream session, and upstream reads it', async () => {
      const user = await theirUser()
      const session = sessionInput(user.id, inDays(30, 250))
      await theirs.createSession(session)
      const expires = inDays(60)

      const updated = await ours.updateSession({ sessionToken: session.sessionToken, expires })

      expect(updated).toMatchObject({ ...session, expires })
      expect(await theirs.getSessionAndUser(session.sessionToken)).toStrictEqual({
        session: { ...session, expires },
        user,
      })
    })

    it('deleteSession removes an upstream session', async () => {
      const user = await theirUser()
      const session = sessionInput(user.id)
      await theirs.createSession(session)

      await ours.deleteSession(session.sessionToken)

      expect(await ours.getSessionAndUser(session.sessionToken)).toBeNull()
      expect(await theirs.getSessionAndUser(session.sessionToken)).toBeNull()
    })

    it('useVerificationToken returns an upstream token once', async () => {
      const token = verificationTokenInput(inDays(1, 250))
      await theirs.createVerificationToken(token)

      expect(await ours.useVerificationToken(token)).toStrictEqual(token)
      expect(await ours.useVerificationToken(token)).toBeNull()
    })

    it('unlinkAccount removes an upstream account and leaves the user', async () => {
      const user = await theirUser()
      const account = accountInput(user.id)
      await theirs.linkAccount(account)
      const ids = { provider: account.provider, providerAccountId: account.providerAccountId }

      await ours.unlinkAccount(ids)

      expect(await ours.getUserByAccount(ids)).toBeNull()
      expect(await theirs.getUserByAccount(ids)).toBeNull()
      expect(await ours.getAccount(account.providerAccountId, account.provider)).toBeNull()
      expect(await ours.getUser(user.id)).toStrictEqual(user)
    })

    it('updateUser with a new email moves the index keys of an upstream user', async () => {
      const user = await theirUser()
      const email = `moved-${user.email}`

      expect(await ours.updateUser({ id: user.id, email })).toStrictEqual({ ...user, email })

      expect(await ours.getUserByEmail(user.email)).toBeNull()
      expect(await ours.getUserByEmail(email)).toStrictEqual({ ...user, email })
      expect(await theirs.getUserByEmail(email)).toStrictEqual({ ...user, email })
    })

    it('deleteUser removes an upstream user with accounts and sessions, leaving nothing', async () => {
      const user = await theirUser()
      const accounts = [accountInput(user.id, 'github'), accountInput(user.id, 'google')]
      const sessions = [sessionInput(user.id), sessionInput(user.id), sessionInput(user.id)]
      for (const account of accounts) await theirs.linkAccount(account)
      for (const session of sessions) await theirs.createSession(session)
      const other = await theirUser()
      await theirs.createSession(sessionInput(other.id))

      await ours.deleteUser(user.id)

      expect(await theirs.getUser(user.id)).toBeNull()
      expect(await theirs.getUserByEmail(user.email)).toBeNull()
      for (const { provider, providerAccountId } of accounts) {
        expect(await theirs.getUserByAccount({ provider, providerAccountId })).toBeNull()
      }
      for (const { sessionToken } of sessions) {
        expect(await theirs.getSessionAndUser(sessionToken)).toBeNull()
      }
      const left = await scanAll(document, tableName)
      expect(left.filter((item) => item.pk === `USER#${user.id}`)).toEqual([])
      expect(left.filter((item) => item.pk === `USER#${other.id}`)).toHaveLength(2)
    })

    it('returns no storage attribute from upstream items', async () => {
      const user = await theirUser()
      const account = accountInput(user.id)
      const session = sessionInput(user.id)
      const token = verificationTokenInput()
      await theirs.linkAccount(account)
      await theirs.createSession(session)
      await theirs.createVerificationToken(token)

      const readAccount = await ours.getAccount(account.providerAccountId, account.provider)
      const others = [
        await ours.getUser(user.id),
        await ours.getSessionAndUser(session.sessionToken),
        await ours.useVerificationToken(token),
      ]

      // An account's `type` is its own ('oauth'); on users, sessions and tokens it is a marker.
      expect(readAccount).toMatchObject({ type: 'oauth' })
      expect(keysDeep(readAccount).filter((key) => storageAttributes.includes(key))).toEqual([])
      for (const read of others) {
        expect(read).not.toBeNull()
        expect(
          keysDeep(read).filter((key) => [...storageAttributes, 'type'].includes(key)),
        ).toEqual([])
      }
    })
  })

  describe('items written by @auth/dynamodb-adapter with custom key names are read by ours', () => {
    const keys = customKeyNames

    it('reads users, accounts, sessions and tokens under the same options', async () => {
      const { tableName } = await backend.createAuthjsTable(keys)
      const theirs = authUpstream.create(document, { tableName, ...keys })
      const ours = DynamoDBAdapter(document, { tableName, ...keys })
      const user = await theirs.createUser(userInput())
      const account = accountInput(user.id)
      const session = sessionInput(user.id, inDays(30, 250))
      const token = verificationTokenInput()
      await theirs.linkAccount(account)
      await theirs.createSession(session)
      await theirs.createVerificationToken(token)

      expect(await ours.getUser(user.id)).toStrictEqual(user)
      expect(await ours.getUserByEmail(user.email)).toStrictEqual(user)
      expect(await ours.getUserByAccount(account)).toStrictEqual(user)
      expect(await ours.getAccount(account.providerAccountId, account.provider)).toMatchObject(
        account,
      )
      expect(await ours.getSessionAndUser(session.sessionToken)).toStrictEqual({ session, user })
      expect(await ours.useVerificationToken(token)).toStrictEqual(token)

      await ours.deleteUser(user.id)
      expect(await scanAll(document, tableName)).toEqual([])
    })
  })
})
