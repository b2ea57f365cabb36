import { expect } from 'vitest'
import type { CaseContext, ConformanceCase } from '../case-context.js'
import { sortedByCredentialId, withBackendId } from './expected.js'

/** Authenticator (WebAuthn, passkey) tests. */
export const authenticatorCases = {
  'createAuthenticator stores and returns the authenticator': {
    requires: ['webauthn'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const authenticator = t.fixtures.authenticator(user.id)
      const returned = await t.createAuthenticator(authenticator)
      expect(returned, 'createAuthenticator returned').toEqual(
        withBackendId(authenticator, returned),
      )
      const stored = await t.probe('authenticator')(authenticator.credentialID)
      expect(stored, 'the stored authenticator').toEqual(withBackendId(authenticator, stored))
    },
  },
  'getAuthenticator returns the authenticator by credential id': {
    requires: ['webauthn'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const authenticator = t.fixtures.authenticator(user.id)
      await t.createAuthenticator(authenticator)
      await t.createAuthenticator(t.fixtures.authenticator(user.id))
      const found = await t.method('getAuthenticator')(authenticator.credentialID)
      expect(found).toEqual(withBackendId(authenticator, found))
    },
  },
  'getAuthenticator returns null for a missing credential id': {
    requires: ['webauthn'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const authenticator = t.fixtures.authenticator(user.id)
      await t.createAuthenticator(authenticator)
      const missing = t.fixtures.authenticator(user.id).credentialID
      expect(await t.method('getAuthenticator')(missing)).toBeNull()
    },
  },
  'listAuthenticatorsByUserId returns every authenticator of the user': {
    requires: ['webauthn'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const other = await t.addUser()
      const mine = Array.from({ length: 3 }, () => t.fixtures.authenticator(user.id))
      const theirs = t.fixtures.authenticator(other.id)
      for (const authenticator of mine) await t.createAuthenticator(authenticator)
      await t.createAuthenticator(theirs)
      const list = t.method('listAuthenticatorsByUserId')
      const listed = await list(user.id)
      expect(listed, "the user's authenticators").toHaveLength(mine.length)
      const sorted = sortedByCredentialId(listed)
      expect(sorted, "the user's authenticators, every field").toEqual(
        sortedByCredentialId(mine).map((expected, i) => withBackendId(expected, sorted[i])),
      )
      const theirsListed = await list(other.id)
      expect(theirsListed, "the other user's authenticators").toEqual([
        withBackendId(theirs, theirsListed[0]),
      ])
    },
  },
  'listAuthenticatorsByUserId returns an empty list for a user without authenticators': {
    requires: ['webauthn'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const other = await t.addUser()
      await t.createAuthenticator(t.fixtures.authenticator(other.id))
      const list = t.method('listAuthenticatorsByUserId')
      expect(await list(user.id), 'a user without authenticators').toEqual([])
      expect(await list(t.fixtures.id()), 'a user that does not exist').toEqual([])
    },
  },
  'updateAuthenticatorCounter stores the new counter': {
    requires: ['webauthn'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const authenticator = t.fixtures.authenticator(user.id)
      await t.createAuthenticator(authenticator)
      const counter = authenticator.counter + 7
      const expected = { ...authenticator, counter }
      const returned = await t.method('updateAuthenticatorCounter')(
        authenticator.credentialID,
        counter,
      )
      expect(returned, 'updateAuthenticatorCounter returned').toEqual(
        withBackendId(expected, returned),
      )
      const stored = await t.probe('authenticator')(authenticator.credentialID)
      expect(stored, 'the stored authenticator, re-read').toEqual(withBackendId(expected, stored))
      const found = await t.method('getAuthenticator')(authenticator.credentialID)
      expect(found, 'getAuthenticator').toEqual(withBackendId(expected, found))
    },
  },
  'updateAuthenticatorCounter of a missing credential rejects': {
    requires: ['webauthn'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const missing = t.fixtures.authenticator(user.id).credentialID
      const update = t.method('updateAuthenticatorCounter')
      await expect(
        Promise.resolve().then(() => update(missing, 1)),
        'updateAuthenticatorCounter of a credential that does not exist',
      ).rejects.toThrow()
      expect(
        await t.probe('authenticator')(missing),
        'an authenticator stored by the failed update',
      ).toBeNull()
    },
  },
  "updateAuthenticatorCounter keeps the user's other authenticators": {
    requires: ['webauthn'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const authenticators = Array.from({ length: 3 }, () => t.fixtures.authenticator(user.id))
      for (const authenticator of authenticators) await t.createAuthenticator(authenticator)
      const expected = authenticators.map((authenticator, i) => ({
        ...authenticator,
        counter: authenticator.counter + i + 1,
      }))
      const update = t.method('updateAuthenticatorCounter')
      for (const { credentialID, counter } of expected) await update(credentialID, counter)
      const listed = await t.method('listAuthenticatorsByUserId')(user.id)
      expect(listed, "the user's authenticators after counter updates").toHaveLength(3)
      const sorted = sortedByCredentialId(listed)
      expect(sorted, "the user's authenticators, every field").toEqual(
        sortedByCredentialId(expected).map((item, i) => withBackendId(item, sorted[i])),
      )
    },
  },
} satisfies Record<string, ConformanceCase>
