import { describe, expect, it } from 'vitest'
import type { DynamoDBAdapterInstance } from '../../src/index.js'
import { describeOnBackends } from '../support/test-backend.js'
import { failure } from './support/adapter-errors.js'
import { freshAdapter, scanAll } from './support/backend-fixture.js'
import {
  DAY,
  inWholeSeconds,
  newAccount,
  newAuthenticator,
  newSession,
  newUser,
  newVerificationToken,
} from './support/fixtures.js'

type Call = (adapter: DynamoDBAdapterInstance) => Promise<unknown>

// Every method, given an id, email or token that is missing, empty or not a string. Without the
// check, `getUserByEmail(undefined)` looked up the literal email "undefined".
const missingIds: [string, string, Call][] = [
  ['getUser', 'id', (a) => a.getUser(undefined as never)],
  ['getUserByEmail', 'email', (a) => a.getUserByEmail(undefined as never)],
  ['getUserByEmail', 'email', (a) => a.getUserByEmail('')],
  ['getUserByEmail', 'email', (a) => a.getUserByEmail(42 as never)],
  ['getUserByAccount', 'provider', (a) => a.getUserByAccount({ providerAccountId: 'x' } as never)],
  [
    'getUserByAccount',
    'providerAccountId',
    (a) => a.getUserByAccount({ provider: 'github', providerAccountId: null } as never),
  ],
  ['updateUser', 'id', (a) => a.updateUser({ name: 'x' } as never)],
  ['deleteUser', 'userId', (a) => a.deleteUser(undefined as never)],
  [
    'linkAccount',
    'userId',
    (a) => a.linkAccount({ ...newAccount('u'), userId: undefined } as never),
  ],
  [
    'linkAccount',
    'providerAccountId',
    (a) => a.linkAccount({ ...newAccount('u'), providerAccountId: 7 } as never),
  ],
  ['unlinkAccount', 'provider', (a) => a.unlinkAccount({ providerAccountId: 'x' } as never)],
  ['getAccount', 'providerAccountId', (a) => a.getAccount(undefined as never, 'github')],
  [
    'createSession',
    'sessionToken',
    (a) => a.createSession({ ...newSession('u'), sessionToken: '' }),
  ],
  [
    'createSession',
    'userId',
    (a) => a.createSession({ ...newSession('u'), userId: undefined as never }),
  ],
  ['getSessionAndUser', 'sessionToken', (a) => a.getSessionAndUser(undefined as never)],
  ['updateSession', 'sessionToken', (a) => a.updateSession({} as never)],
  ['deleteSession', 'sessionToken', (a) => a.deleteSession(undefined as never)],
  [
    'createVerificationToken',
    'identifier',
    (a) =>
      a.createVerificationToken({ ...newVerificationToken('x'), identifier: undefined as never }),
  ],
  ['useVerificationToken', 'identifier', (a) => a.useVerificationToken({} as never)],
  [
    'useVerificationToken',
    'token',
    (a) => a.useVerificationToken({ identifier: 'a@b.c' } as never),
  ],
  ['useVerificationToken', 'params', (a) => a.useVerificationToken(undefined as never)],
  [
    'createAuthenticator',
    'credentialID',
    (a) => a.createAuthenticator({ ...newAuthenticator('u'), credentialID: undefined as never }),
  ],
  ['getAuthenticator', 'credentialID', (a) => a.getAuthenticator(undefined as never)],
  ['listAuthenticatorsByUserId', 'userId', (a) => a.listAuthenticatorsByUserId(null as never)],
  ['updateAuthenticatorCounter', 'credentialID', (a) => a.updateAuthenticatorCounter('', 1)],
  ['createUser', 'email', (a) => a.createUser({ ...newUser(), email: 42 as never })],
]

// `expires` that is not a valid Date: stored as is, it made a session that never expires (NaN,
// null, a string) or failed with a generic DYNAMODB_ERROR.
const badExpiries: [string, unknown][] = [
  ['NaN', Number.NaN],
  ['an invalid Date', new Date('not a date')],
  ['a string that is no date', 'tomorrow'],
  ['null', null],
  ['a number of seconds', Math.floor(Date.now() / 1000) + 3600],
]

describeOnBackends((fixture) => {
  describe('missing or non-string ids, emails and tokens', () => {
    it.each(missingIds)(
      '%s rejects INVALID_ARGUMENT naming "%s", and writes nothing',
      async (method, field, call) => {
        const { adapter, tableName } = await freshAdapter(fixture)

        const error = await failure(call(adapter))

        expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', method })
        expect(error.message).toContain(`"${field}"`)
        expect(await scanAll(fixture.client, tableName)).toEqual([])
      },
    )

    it('useVerificationToken({}) leaves a token called "undefined" alone', async () => {
      const { adapter } = await freshAdapter(fixture)
      const trap = await adapter.createVerificationToken({
        identifier: 'undefined',
        token: 'undefined',
        expires: inWholeSeconds(DAY),
      })

      await failure(adapter.useVerificationToken({} as never))

      expect(await adapter.useVerificationToken(trap)).toEqual(trap)
    })

    it('getUserByEmail(undefined) does not find the user whose email is "undefined"', async () => {
      const { adapter } = await freshAdapter(fixture)
      await adapter.createUser(newUser({ email: 'undefined' }))

      expect((await failure(adapter.getUserByEmail(undefined as never))).code).toBe(
        'INVALID_ARGUMENT',
      )
    })
  })

  describe('expires that is not a valid Date', () => {
    it.each(badExpiries)(
      'createSession, updateSession and createVerificationToken reject %s with INVALID_ARGUMENT',
      async (_, expires) => {
        const { adapter } = await freshAdapter(fixture)
        const user = await adapter.createUser(newUser())
        const session = await adapter.createSession(newSession(user.id))
        const token = newVerificationToken(user.email)

        for (const call of [
          () => adapter.createSession({ ...newSession(user.id), expires: expires as Date }),
          () =>
            adapter.updateSession({ sessionToken: session.sessionToken, expires: expires as Date }),
          () => adapter.createVerificationToken({ ...token, expires: expires as Date }),
        ]) {
          const error = await failure(call())
          expect(error.code).toBe('INVALID_ARGUMENT')
          expect(error.message).toContain('"expires" must be a valid Date')
        }
        expect(await adapter.getSessionAndUser(session.sessionToken)).toEqual({ session, user })
        expect(await adapter.useVerificationToken(token)).toBeNull()
      },
    )
  })

  describe('provider ids with "#"', () => {
    it('linkAccount refuses one, naming the field, so ("a#b", "c") cannot overwrite ("a", "b#c")', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const first = await adapter.linkAccount(
        newAccount(user.id, { provider: 'a', providerAccountId: 'b#c' }),
      )

      const error = await failure(
        adapter.linkAccount(newAccount(user.id, { provider: 'a#b', providerAccountId: 'c' })),
      )

      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', method: 'linkAccount' })
      expect(error.message).toContain('"provider" must not contain "#"')
      expect(await adapter.getAccount('b#c', 'a')).toEqual(first)
      expect(await adapter.getUserByAccount({ provider: 'a', providerAccountId: 'b#c' })).toEqual(
        user,
      )
    })

    it('account ids may hold "#" and anything else, and every such account stays apart', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const ids = ['x', 'x#', '#x', 'x#y', 'x##y', 'ACCOUNT#x', 'ü 🙂 #']
      const linked = []
      for (const providerAccountId of ids) {
        linked.push(await adapter.linkAccount(newAccount(user.id, { providerAccountId })))
      }

      for (const account of linked) {
        expect(await adapter.getAccount(account.providerAccountId, 'github')).toEqual(account)
      }
    })

    it('reads an account whose provider has "#", as another program may have written it', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const account = newAccount(user.id, { provider: 'legacy#idp', providerAccountId: '42' })
      await fixture.client.put({
        TableName: tableName,
        Item: {
          ...account,
          pk: `USER#${user.id}`,
          sk: 'ACCOUNT#legacy#idp#42',
          GSI1PK: 'ACCOUNT#legacy#idp',
          GSI1SK: 'ACCOUNT#42',
        },
      })

      expect(await adapter.getUserByAccount(account)).toEqual(user)
      expect(await adapter.getAccount('42', 'legacy#idp')).toEqual(account)
      expect(await adapter.unlinkAccount(account)).toEqual(account)
      expect(await adapter.getAccount('42', 'legacy#idp')).toBeNull()
    })
  })
})
