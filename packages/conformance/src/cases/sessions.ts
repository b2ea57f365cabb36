import { expect } from 'vitest'
import type { CaseContext, ConformanceCase } from '../case-context.js'
import { wholeSecondsFromNow } from '../fixtures.js'
import { withBackendId } from './expected.js'

const MONTH = 30 * 24 * 60 * 60 * 1000

/** Session tests: create, read with the user, update, delete. */
export const sessionCases = {
  'createSession stores and returns the session': {
    requires: [],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const session = t.fixtures.session(user.id)
      const returned = await t.createSession(session)
      expect(returned, 'createSession returned').toEqual(withBackendId(session, returned))
      const stored = await t.probes.session(session.sessionToken)
      expect(stored, 'the stored session').toEqual(withBackendId(session, stored))
    },
  },
  'getSessionAndUser returns the session and its user': {
    requires: [],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const session = t.fixtures.session(user.id)
      await t.createSession(session)
      await t.createSession(t.fixtures.session(user.id))
      const found = await t.method('getSessionAndUser')(session.sessionToken)
      expect(found).toEqual({ session: withBackendId(session, found?.session), user })
    },
  },
  'getSessionAndUser returns null for a missing session': {
    requires: [],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      await t.createSession(t.fixtures.session(user.id))
      expect(await t.method('getSessionAndUser')(t.fixtures.id())).toBeNull()
    },
  },
  'updateSession stores the new expiry': {
    requires: [],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const session = t.fixtures.session(user.id)
      await t.createSession(session)
      const expires = wholeSecondsFromNow(MONTH)
      expect(expires.getTime(), 'the fixture session must not already expire then').not.toBe(
        session.expires.getTime(),
      )
      const expected = { ...session, expires }
      const returned = await t.method('updateSession')({
        sessionToken: session.sessionToken,
        expires,
      })
      if (returned)
        expect(returned, 'updateSession returned').toEqual(withBackendId(expected, returned))
      const stored = await t.probes.session(session.sessionToken)
      expect(stored, 'the stored session').toEqual(withBackendId(expected, stored))
      const found = await t.method('getSessionAndUser')(session.sessionToken)
      expect(found, 'getSessionAndUser').toEqual({
        session: withBackendId(expected, found?.session),
        user,
      })
    },
  },
  'expires of a session round-trips to the millisecond': {
    requires: ['millisecondExpiry'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      // 151 and 7 ms: not whole seconds, and not exact in binary as a fraction of a second.
      const session = {
        ...t.fixtures.session(user.id),
        expires: new Date(wholeSecondsFromNow(MONTH).getTime() + 151),
      }
      const returned = await t.createSession(session)
      expect(returned.expires, 'createSession returned').toEqual(session.expires)
      const stored = await t.probes.session(session.sessionToken)
      expect(stored?.expires, 'the stored expiry').toEqual(session.expires)
      const found = await t.method('getSessionAndUser')(session.sessionToken)
      expect(found?.session.expires, 'getSessionAndUser').toEqual(session.expires)
      const expires = new Date(session.expires.getTime() + MONTH + 7)
      const updated = await t.method('updateSession')({
        sessionToken: session.sessionToken,
        expires,
      })
      if (updated) expect(updated.expires, 'updateSession returned').toEqual(expires)
      const restored = await t.probes.session(session.sessionToken)
      expect(restored?.expires, 'the stored expiry after updateSession').toEqual(expires)
    },
  },
  'deleteSession removes the session': {
    requires: [],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const deleted = t.fixtures.session(user.id)
      const kept = t.fixtures.session(user.id)
      await t.createSession(deleted)
      await t.createSession(kept)
      await t.method('deleteSession')(deleted.sessionToken)
      expect(await t.probes.session(deleted.sessionToken), 'the deleted session').toBeNull()
      expect(
        await t.method('getSessionAndUser')(deleted.sessionToken),
        'getSessionAndUser of the deleted session',
      ).toBeNull()
      const stillStored = await t.probes.session(kept.sessionToken)
      expect(stillStored, "the user's other session").toEqual(withBackendId(kept, stillStored))
      expect(await t.probes.user(user.id), 'the user').toEqual(user)
    },
  },
  'deleteSession of a missing session resolves': {
    requires: ['deleteMissingRecords'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const session = t.fixtures.session(user.id)
      await t.createSession(session)
      await t.method('deleteSession')(t.fixtures.id())
      const stored = await t.probes.session(session.sessionToken)
      expect(stored, 'an unrelated session').toEqual(withBackendId(session, stored))
    },
  },
} satisfies Record<string, ConformanceCase>
