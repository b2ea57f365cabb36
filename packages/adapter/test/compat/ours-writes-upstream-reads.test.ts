import type { AdapterAccount } from '@auth/core/adapters'
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

describeOnBackends((backend) => {
  let document: DynamoDBDocument

  beforeAll(() => {
    document = backend.client
  })

  /** The sorted keys of `value`, so a read of our item can be held to upstream's read of its own. */
  function keysOf(value: object | null | undefined): string[] {
    return Object.keys(value ?? {}).sort()
  }

  describe.each(upstreams)('items written by ours are read by $name', (upstream) => {
    let tableName: string
    let theirs: UpstreamAdapter
    let ours: DynamoDBAdapterInstance

    beforeEach(async () => {
      ;({ tableName } = await backend.createAuthjsTable())
      theirs = upstream.create(document, { tableName })
      ours = DynamoDBAdapter(document, { tableName })
    })

    it('getUser and getUserByEmail return the whole user, emailVerified as a Date', async () => {
      const input = userInput()
      const user = await ours.createUser(input)
      const theirOwn = await theirs.getUser((await theirs.createUser(userInput())).id)

      const read = await theirs.getUser(user.id)

      expect(read).toStrictEqual({ ...input, id: user.id })
      expect(read).toStrictEqual(user)
      expect(await theirs.getUserByEmail(user.email)).toStrictEqual(user)
      expect(keysOf(read)).toEqual(keysOf(theirOwn))
    })

    it('reads a user with emailVerified null and an undefined field left out', async () => {
      const user = await ours.createUser(userInput({ emailVerified: null, image: undefined }))

      expect(await theirs.getUser(user.id)).toStrictEqual({
        id: user.id,
        email: user.email,
        emailVerified: null,
        name: 'Ada Lovelace',
      })
    })

    it('getUserByAccount finds the user of an account ours linked; unlinkAccount returns it', async () => {
      const user = await ours.createUser(userInput())
      const account = accountInput(user.id)
      await ours.linkAccount(account)
      const theirUser = await theirs.createUser(userInput())
      const theirAccount = accountInput(theirUser.id)
      await theirs.linkAccount(theirAccount)
      const ids = { provider: account.provider, providerAccountId: account.providerAccountId }

      expect(await theirs.getUserByAccount(ids)).toStrictEqual(user)

      const read = (await theirs.unlinkAccount(ids)) as AdapterAccount | undefined
      const theirOwn = (await theirs.unlinkAccount(theirAccount)) as AdapterAccount | undefined
      expect(read).toBeTruthy()
      const { id: _id, ...fields } = read as Record<string, unknown>
      expect(fields).toStrictEqual(account)
      expect(keysOf(theirOwn)).toEqual(expect.arrayContaining(keysOf(read)))
      expect(await theirs.getUserByAccount(ids)).toBeNull()
    })

    it('getSessionAndUser returns the whole session and user', async () => {
      const user = await ours.createUser(userInput())
      const session = sessionInput(user.id)
      await ours.createSession(session)
      const theirUser = await theirs.createUser(userInput())
      const theirSession = sessionInput(theirUser.id)
      await theirs.createSession(theirSession)

      const read = await theirs.getSessionAndUser(session.sessionToken)
      const theirOwn = await theirs.getSessionAndUser(theirSession.sessionToken)

      expect(read).toStrictEqual({ session, user })
      expect(keysOf(read?.session)).toEqual(keysOf(theirOwn?.session))
      expect(keysOf(read?.user)).toEqual(keysOf(theirOwn?.user))
    })

    it('updateSession and deleteSession work on a session ours created', async () => {
      const user = await ours.createUser(userInput())
      const session = sessionInput(user.id)
      await ours.createSession(session)
      const expires = inDays(60)

      await theirs.updateSession({ sessionToken: session.sessionToken, expires })
      expect(await ours.getSessionAndUser(session.sessionToken)).toStrictEqual({
        session: { ...session, expires },
        user,
      })

      await theirs.deleteSession(session.sessionToken)
      expect(await ours.getSessionAndUser(session.sessionToken)).toBeNull()
    })

    it('useVerificationToken returns the whole token ours created', async () => {
      const token = verificationTokenInput()
      await ours.createVerificationToken(token)

      expect(await theirs.useVerificationToken(token)).toStrictEqual(token)
      expect(await theirs.useVerificationToken(token)).toBeNull()
    })

    it('reads the fractional-seconds expires ours writes as the exact Date, as ours does', async () => {
      const user = await ours.createUser(userInput())
      const session = sessionInput(user.id, inDays(30, 151))
      await ours.createSession(session)

      const theirRead = await theirs.getSessionAndUser(session.sessionToken)
      const ourRead = await ours.getSessionAndUser(session.sessionToken)

      const [item] = (await scanAll(document, tableName)).filter(
        (candidate) => candidate.sk === `SESSION#${session.sessionToken}`,
      )
      // The encoding upstream writes itself: epoch seconds with the milliseconds as a fraction.
      expect(item?.expires).toBe(session.expires.getTime() / 1000)
      expect(theirRead?.session.expires).toStrictEqual(session.expires)
      expect(ourRead?.session.expires).toStrictEqual(session.expires)
    })

    it('deleteUser removes a user ours wrote, with its account and session', async () => {
      const user = await ours.createUser(userInput())
      const account = accountInput(user.id)
      const session = sessionInput(user.id)
      await ours.linkAccount(account)
      await ours.createSession(session)

      await theirs.deleteUser(user.id)

      expect(await ours.getUser(user.id)).toBeNull()
      expect(await ours.getUserByEmail(user.email)).toBeNull()
      expect(await ours.getUserByAccount(account)).toBeNull()
      expect(await ours.getSessionAndUser(session.sessionToken)).toBeNull()
    })

    it('updateUser by upstream is read back by ours', async () => {
      const user = await ours.createUser(userInput())

      await theirs.updateUser({ id: user.id, name: 'Grace Hopper' })

      expect(await ours.getUser(user.id)).toStrictEqual({ ...user, name: 'Grace Hopper' })
    })
  })

  describe('items written by ours with custom key names are read by @auth/dynamodb-adapter', () => {
    const keys = customKeyNames

    it('reads users, accounts, sessions and tokens under the same options', async () => {
      const { tableName } = await backend.createAuthjsTable(keys)
      const theirs = authUpstream.create(document, { tableName, ...keys })
      const ours = DynamoDBAdapter(document, { tableName, ...keys })
      const user = await ours.createUser(userInput())
      const account = accountInput(user.id)
      const session = sessionInput(user.id)
      const token = verificationTokenInput()
      await ours.linkAccount(account)
      await ours.createSession(session)
      await ours.createVerificationToken(token)
      const theirUser = await theirs.createUser(userInput())
      const theirSession = sessionInput(theirUser.id)
      await theirs.createSession(theirSession)

      // Upstream returns custom key names as fields (one of its bugs): hold ours to the same shape.
      const read = await theirs.getUser(user.id)
      const theirOwn = await theirs.getUser(theirUser.id)
      expect(read).toMatchObject(user)
      expect(keysOf(read)).toEqual(keysOf(theirOwn))
      expect(await theirs.getUserByEmail(user.email)).toMatchObject(user)
      expect(await theirs.getUserByAccount(account)).toMatchObject(user)
      const sessionAndUser = await theirs.getSessionAndUser(session.sessionToken)
      const theirOwnSession = await theirs.getSessionAndUser(theirSession.sessionToken)
      expect(sessionAndUser).toMatchObject({ session, user })
      expect(keysOf(sessionAndUser?.session)).toEqual(keysOf(theirOwnSession?.session))
      expect(await theirs.useVerificationToken(token)).toMatchObject(token)
    })
  })
})
