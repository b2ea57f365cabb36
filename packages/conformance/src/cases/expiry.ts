import { expect } from 'vitest'
import type { CaseContext, ConformanceCase } from '../case-context.js'
import { wholeSecondsFromNow } from '../fixtures.js'
import { withBackendId } from './expected.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const MONTH = 30 * 24 * HOUR

/**
 * Expiry tests. Filtering: the adapter must not hand out what has expired, even while the
 * backend still holds it (a TTL deletes late). Deletion: once time passes for the backend, it
 * holds no expired records.
 */
export const expiryCases = {
  'getSessionAndUser treats an expired session as missing': {
    requires: ['expiryFiltering'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const expired = { ...t.fixtures.session(user.id), expires: wholeSecondsFromNow(-MINUTE) }
      const live = t.fixtures.session(user.id)
      await t.createSession(expired)
      await t.createSession(live)
      const getSessionAndUser = t.method('getSessionAndUser')
      expect(
        await getSessionAndUser(expired.sessionToken),
        'a session that expired a minute ago',
      ).toBeNull()
      const found = await getSessionAndUser(live.sessionToken)
      expect(found, 'a session that has not expired').toEqual({
        session: withBackendId(live, found?.session),
        user,
      })
    },
  },
  'useVerificationToken treats an expired token as missing': {
    requires: ['verificationTokens', 'expiryFiltering'],
    run: async (t: CaseContext) => {
      const expired = { ...t.fixtures.verificationToken(), expires: wholeSecondsFromNow(-MINUTE) }
      const live = t.fixtures.verificationToken()
      await t.createVerificationToken(expired)
      await t.createVerificationToken(live)
      const use = t.method('useVerificationToken')
      expect(
        await use({ identifier: expired.identifier, token: expired.token }),
        'a token that expired a minute ago',
      ).toBeNull()
      expect(
        await use({ identifier: live.identifier, token: live.token }),
        'a token that has not expired',
      ).toEqual(live)
    },
  },
  'expired sessions are deleted from storage as time passes': {
    requires: ['expiryDeletion'],
    run: async (t: CaseContext) => {
      const clock = t.clock()
      const user = await t.addUser()
      const expiring = { ...t.fixtures.session(user.id), expires: wholeSecondsFromNow(MINUTE) }
      const lasting = { ...t.fixtures.session(user.id), expires: wholeSecondsFromNow(MONTH) }
      await t.createSession(expiring)
      await t.createSession(lasting)
      const before = await t.probes.session(expiring.sessionToken)
      expect(before, 'the expiring session before time passes').toEqual(
        withBackendId(expiring, before),
      )
      await clock.advance(HOUR)
      expect(
        await t.probes.session(expiring.sessionToken),
        'a session an hour after it expired',
      ).toBeNull()
      const after = await t.probes.session(lasting.sessionToken)
      expect(after, 'a session that expires in a month').toEqual(withBackendId(lasting, after))
    },
  },
  'expired verification tokens are deleted from storage as time passes': {
    requires: ['verificationTokens', 'expiryDeletion'],
    run: async (t: CaseContext) => {
      const clock = t.clock()
      const probe = t.probe('verificationToken')
      const expiring = { ...t.fixtures.verificationToken(), expires: wholeSecondsFromNow(MINUTE) }
      const lasting = { ...t.fixtures.verificationToken(), expires: wholeSecondsFromNow(MONTH) }
      await t.createVerificationToken(expiring)
      await t.createVerificationToken(lasting)
      expect(await probe(expiring), 'the expiring token before time passes').toEqual(expiring)
      await clock.advance(HOUR)
      expect(await probe(expiring), 'a token an hour after it expired').toBeNull()
      expect(await probe(lasting), 'a token that expires in a month').toEqual(lasting)
    },
  },
} satisfies Record<string, ConformanceCase>
