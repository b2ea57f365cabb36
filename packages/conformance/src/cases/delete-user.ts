import type { AdapterUser } from '@auth/core/adapters'
import { expect } from 'vitest'
import type { CaseContext, ConformanceCase } from '../case-context.js'
import { withBackendId } from './expected.js'

/** Past 25 items: DynamoDB's BatchWriteItem limit, where a delete that does not page stops. */
const MANY = 30

async function expectUserGone(t: CaseContext, user: AdapterUser): Promise<void> {
  expect(await t.probes.user(user.id), 'the stored user after deleteUser').toBeNull()
  expect(await t.method('getUser')(user.id), 'getUser after deleteUser').toBeNull()
  expect(await t.method('getUserByEmail')(user.email), 'getUserByEmail after deleteUser').toBeNull()
}

/** deleteUser tests: the user, everything related to it, nothing of anyone else. */
export const deleteUserCases = {
  'deleteUser removes the user': {
    requires: ['deleteUser'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      await t.method('deleteUser')(user.id)
      await expectUserGone(t, user)
    },
  },
  "deleteUser removes the user's sessions and accounts": {
    requires: ['deleteUser', 'deleteUserCascade'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const session = t.fixtures.session(user.id)
      const account = t.fixtures.account(user.id)
      await t.createSession(session)
      await t.linkAccount(account)
      await t.method('deleteUser')(user.id)
      await expectUserGone(t, user)
      expect(await t.probes.session(session.sessionToken), 'the stored session').toBeNull()
      expect(await t.probes.account(account), 'the stored account').toBeNull()
      expect(
        await t.method('getSessionAndUser')(session.sessionToken),
        'getSessionAndUser',
      ).toBeNull()
      expect(
        await t.method('getUserByAccount')({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
        }),
        'getUserByAccount',
      ).toBeNull()
    },
  },
  'deleteUser removes every related item': {
    requires: ['deleteUser', 'deleteUserCascade'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const sessions = Array.from({ length: MANY }, () => t.fixtures.session(user.id))
      const accounts = Array.from({ length: MANY }, (_, i) => ({
        ...t.fixtures.account(user.id),
        provider: `provider-${i}`,
      }))
      for (const session of sessions) await t.createSession(session)
      for (const account of accounts) await t.linkAccount(account)
      await t.method('deleteUser')(user.id)
      await expectUserGone(t, user)
      const leftSessions = []
      for (const session of sessions) {
        if ((await t.probes.session(session.sessionToken)) !== null) leftSessions.push(session)
      }
      const leftAccounts = []
      for (const account of accounts) {
        if ((await t.probes.account(account)) !== null) leftAccounts.push(account)
      }
      expect(leftSessions.length, `sessions left of ${MANY}`).toBe(0)
      expect(leftAccounts.length, `accounts left of ${MANY}`).toBe(0)
    },
  },
  "deleteUser removes the user's authenticators": {
    requires: ['deleteUser', 'deleteUserCascade', 'webauthn'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const authenticators = Array.from({ length: 3 }, () => t.fixtures.authenticator(user.id))
      for (const authenticator of authenticators) await t.createAuthenticator(authenticator)
      await t.method('deleteUser')(user.id)
      await expectUserGone(t, user)
      for (const { credentialID } of authenticators) {
        expect(await t.probe('authenticator')(credentialID), 'a stored authenticator').toBeNull()
        expect(await t.method('getAuthenticator')(credentialID), 'getAuthenticator').toBeNull()
      }
      expect(
        await t.method('listAuthenticatorsByUserId')(user.id),
        'listAuthenticatorsByUserId',
      ).toEqual([])
    },
  },
  "deleteUser leaves other users' records alone": {
    requires: ['deleteUser'],
    run: async (t: CaseContext) => {
      const deleted = await t.addUser()
      const kept = await t.addUser()
      await t.createSession(t.fixtures.session(deleted.id))
      await t.linkAccount(t.fixtures.account(deleted.id))
      const session = t.fixtures.session(kept.id)
      const account = t.fixtures.account(kept.id)
      await t.createSession(session)
      await t.linkAccount(account)
      await t.method('deleteUser')(deleted.id)
      expect(await t.probes.user(kept.id), 'the other user').toEqual(kept)
      const storedSession = await t.probes.session(session.sessionToken)
      expect(storedSession, "the other user's session").toEqual(
        withBackendId(session, storedSession),
      )
      const storedAccount = await t.probes.account(account)
      expect(storedAccount, "the other user's account").toEqual(
        withBackendId(account, storedAccount),
      )
    },
  },
  'deleteUser of a missing user resolves': {
    requires: ['deleteUser', 'deleteMissingRecords'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      await t.method('deleteUser')(t.fixtures.id())
      expect(await t.probes.user(user.id), 'an unrelated user').toEqual(user)
    },
  },
} satisfies Record<string, ConformanceCase>
