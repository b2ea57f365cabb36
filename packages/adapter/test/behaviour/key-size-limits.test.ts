import { describe, expect, it } from 'vitest'
import { keySizeLimits } from '../../src/index.js'
import { describeOnBackends } from '../support/test-backend.js'
import { failure } from './support/adapter-errors.js'
import { freshAdapter, scanAll } from './support/backend-fixture.js'
import {
  newAccount,
  newAuthenticator,
  newSession,
  newUser,
  newVerificationToken,
} from './support/fixtures.js'

// The longest values the README promises, in UTF-8 bytes: each key value is a prefix plus the
// field, within DynamoDB's 2,048 bytes for a partition key and 1,024 for a sort key (table and
// index alike).
const longest = {
  email: keySizeLimits.sortKey - 'USER#'.length, // GSI1SK USER#<email>
  userId: keySizeLimits.sortKey - 'USER#'.length, // sk USER#<id>
  credentialID: keySizeLimits.sortKey - 'AUTHENTICATOR#'.length, // sk and GSI1SK
  sessionToken: keySizeLimits.sortKey - 'SESSION#'.length, // sk and GSI1 keys
}

const local = (bytes: number) => 'a'.repeat(bytes - '@example.com'.length)

describeOnBackends((fixture) => {
  describe('DynamoDB key size limits, checked before writing', () => {
    it(`an email of ${longest.email} bytes signs up; one byte more is INVALID_ARGUMENT naming the limit, and nothing is written`, async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const fits = `${local(longest.email)}@example.com`
      const user = await adapter.createUser(newUser({ email: fits }))
      expect(await adapter.getUserByEmail(fits)).toEqual(user)
      const before = await scanAll(fixture.client, tableName)

      const error = await failure(adapter.createUser(newUser({ email: `b${fits}` })))

      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', method: 'createUser' })
      expect(error.message).toContain('"email" is too long')
      expect(error.message).toContain('1024 bytes')
      expect(error.message).toContain(`can be at most ${longest.email} bytes`)
      expect(await scanAll(fixture.client, tableName)).toHaveLength(before.length)
      // A lookup of an email no table can hold finds nobody, without a request DynamoDB refuses.
      expect(await adapter.getUserByEmail(`b${fits}`)).toBeNull()
    })

    it('counts bytes, not characters: a 400-character email of 3-byte characters is too long', async () => {
      const { adapter } = await freshAdapter(fixture)
      const email = `${'€'.repeat(400)}@example.com`

      const error = await failure(adapter.createUser(newUser({ email })))

      expect(error.code).toBe('INVALID_ARGUMENT')
      expect(error.message).toContain(`it is ${400 * 3 + 12} bytes`)
    })

    it('updateUser to a too long email is INVALID_ARGUMENT and changes nothing', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())

      const error = await failure(
        adapter.updateUser({ id: user.id, email: `${local(longest.email + 1)}@example.com` }),
      )

      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', method: 'updateUser' })
      expect(await adapter.getUser(user.id)).toEqual(user)
    })

    it(`a WebAuthn credential id of ${longest.credentialID} bytes registers; a longer one (WebAuthn allows 1,023 raw bytes) is INVALID_ARGUMENT`, async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const fits = newAuthenticator(user.id, { credentialID: 'c'.repeat(longest.credentialID) })
      expect(await adapter.createAuthenticator(fits)).toEqual(fits)
      // 1,023 raw bytes, base64url-encoded as Auth.js stores credential ids.
      const longestWebAuthnId = Buffer.alloc(1023, 7).toString('base64url')

      const error = await failure(
        adapter.createAuthenticator(newAuthenticator(user.id, { credentialID: longestWebAuthnId })),
      )

      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', method: 'createAuthenticator' })
      expect(error.message).toContain('"credentialID" is too long')
      expect(error.message).toContain(`can be at most ${longest.credentialID} bytes`)
      expect(await adapter.getAuthenticator(longestWebAuthnId)).toBeNull()
      expect(await adapter.listAuthenticatorsByUserId(user.id)).toEqual([fits])
    })

    it('a verification token of 1,021 bytes is stored, one of 1,022 is INVALID_ARGUMENT', async () => {
      const { adapter } = await freshAdapter(fixture)
      const token = newVerificationToken('ada@example.com')

      await adapter.createVerificationToken({ ...token, token: 't'.repeat(1021) })
      const error = await failure(
        adapter.createVerificationToken({ ...token, token: 't'.repeat(1022) }),
      )

      expect(error.message).toContain('"token" is too long')
      expect(
        await adapter.useVerificationToken({
          identifier: token.identifier,
          token: 't'.repeat(1021),
        }),
      ).toMatchObject({ token: 't'.repeat(1021) })
    })

    it('provider and providerAccountId fit in 1,015 bytes together', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const provider = 'github'
      const fits = newAccount(user.id, { provider, providerAccountId: 'a'.repeat(1015 - 6) })

      expect(await adapter.linkAccount(fits)).toEqual(fits)
      const error = await failure(
        adapter.linkAccount({ ...fits, providerAccountId: 'a'.repeat(1016 - 6) }),
      )
      expect(error.message).toContain(`"providerAccountId" can be at most`)
    })

    it('user ids, session tokens and provider account ids are checked the same way', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const tooLong = (bytes: number) => 'x'.repeat(bytes + 1)

      for (const [method, field, call] of [
        ['createUser', 'id', () => adapter.createUser(newUser({ id: tooLong(longest.userId) }))],
        [
          'createSession',
          'sessionToken',
          () =>
            adapter.createSession({
              ...newSession(user.id),
              sessionToken: tooLong(longest.sessionToken),
            }),
        ],
        [
          'linkAccount',
          'providerAccountId',
          () =>
            adapter.linkAccount(
              newAccount(user.id, { providerAccountId: tooLong(keySizeLimits.sortKey) }),
            ),
        ],
      ] as const) {
        const error = await failure(call())
        expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', method })
        expect(error.message).toContain(`"${field}" is too long`)
      }
      expect(await adapter.getUser(tooLong(longest.userId))).toBeNull()
      expect(await adapter.getSessionAndUser(tooLong(longest.sessionToken))).toBeNull()
    })
  })
})
