import { expect } from 'vitest'
import type { CaseContext, ConformanceCase } from '../case-context.js'
import { wholeSecondsFromNow } from '../fixtures.js'

const CONCURRENT_CALLS = 10

/** Verification token tests: create, single use, lookups that must miss, concurrent use. */
export const verificationTokenCases = {
  'createVerificationToken stores the token': {
    requires: ['verificationTokens'],
    run: async (t: CaseContext) => {
      const token = t.fixtures.verificationToken()
      const returned = await t.createVerificationToken(token)
      if (returned) expect(returned, 'createVerificationToken returned').toEqual(token)
      expect(await t.probe('verificationToken')(token), 'the stored token').toEqual(token)
    },
  },
  'useVerificationToken returns the token once and deletes it': {
    requires: ['verificationTokens'],
    run: async (t: CaseContext) => {
      const token = t.fixtures.verificationToken()
      await t.createVerificationToken(token)
      const use = t.method('useVerificationToken')
      const params = { identifier: token.identifier, token: token.token }
      expect(await use(params), 'the first use').toEqual(token)
      expect(await t.probe('verificationToken')(params), 'the stored token after use').toBeNull()
      expect(await use(params), 'the second use').toBeNull()
    },
  },
  'expires of a verification token round-trips to the millisecond': {
    requires: ['verificationTokens', 'millisecondExpiry'],
    run: async (t: CaseContext) => {
      const token = {
        ...t.fixtures.verificationToken(),
        expires: new Date(wholeSecondsFromNow(15 * 60_000).getTime() + 151),
      }
      const returned = await t.createVerificationToken(token)
      if (returned)
        expect(returned.expires, 'createVerificationToken returned').toEqual(token.expires)
      expect((await t.probe('verificationToken')(token))?.expires, 'the stored expiry').toEqual(
        token.expires,
      )
      const used = await t.method('useVerificationToken')(token)
      expect(used?.expires, 'useVerificationToken').toEqual(token.expires)
    },
  },
  'useVerificationToken returns null for a missing token': {
    requires: ['verificationTokens'],
    run: async (t: CaseContext) => {
      const token = t.fixtures.verificationToken()
      await t.createVerificationToken(token)
      const use = t.method('useVerificationToken')
      const other = t.fixtures.verificationToken()
      expect(
        await use({ identifier: token.identifier, token: other.token }),
        'the right identifier with another token',
      ).toBeNull()
      expect(
        await use({ identifier: other.identifier, token: token.token }),
        'the right token with another identifier',
      ).toBeNull()
      expect(
        await t.probe('verificationToken')(token),
        'the stored token after lookups that missed',
      ).toEqual(token)
    },
  },
  'useVerificationToken hands a token to exactly one of ten concurrent callers': {
    requires: ['verificationTokens', 'concurrentTokenUse'],
    run: async (t: CaseContext) => {
      const token = t.fixtures.verificationToken()
      await t.createVerificationToken(token)
      const use = t.method('useVerificationToken')
      const params = { identifier: token.identifier, token: token.token }
      const results = await Promise.all(
        Array.from({ length: CONCURRENT_CALLS }, () => Promise.resolve().then(() => use(params))),
      )
      const winners = results.filter((result) => result !== null && result !== undefined)
      expect(winners.length, `callers of ${CONCURRENT_CALLS} that got the token`).toBe(1)
      expect(winners[0], 'the token the one caller got').toEqual(token)
      expect(await t.probe('verificationToken')(params), 'the stored token after use').toBeNull()
    },
  },
} satisfies Record<string, ConformanceCase>
