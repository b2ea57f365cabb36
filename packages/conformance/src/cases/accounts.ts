import { expect } from 'vitest'
import type { CaseContext, ConformanceCase } from '../case-context.js'
import { withBackendId } from './expected.js'

/** Account tests: linking, lookups by account, getAccount and unlinking. */
export const accountCases = {
  'linkAccount stores the account': {
    requires: [],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const account = t.fixtures.account(user.id)
      const returned = await t.linkAccount(account)
      if (returned)
        expect(returned, 'linkAccount returned').toEqual(withBackendId(account, returned))
      const stored = await t.probes.account(account)
      expect(stored, 'the stored account').toEqual(withBackendId(account, stored))
    },
  },
  'getUserByAccount returns the linked user': {
    requires: [],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const account = t.fixtures.account(user.id)
      await t.linkAccount(account)
      await t.linkAccount(t.fixtures.account((await t.addUser()).id))
      expect(
        await t.method('getUserByAccount')({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
        }),
      ).toEqual(user)
    },
  },
  'getUserByAccount returns null for a missing account': {
    requires: [],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const account = t.fixtures.account(user.id)
      await t.linkAccount(account)
      const { provider, providerAccountId } = account
      const getUserByAccount = t.method('getUserByAccount')
      const otherId = t.fixtures.id()
      expect(
        await getUserByAccount({ provider: 'other-provider', providerAccountId }),
        'same providerAccountId, other provider',
      ).toBeNull()
      expect(
        await getUserByAccount({ provider, providerAccountId: otherId }),
        'same provider, other providerAccountId',
      ).toBeNull()
      expect(
        await getUserByAccount({ provider: 'other-provider', providerAccountId: otherId }),
        'both other',
      ).toBeNull()
    },
  },
  'getAccount returns the account by provider and account id': {
    requires: ['getAccount'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const account = t.fixtures.account(user.id)
      await t.linkAccount(account)
      await t.linkAccount(t.fixtures.account(user.id))
      const found = await t.method('getAccount')(account.providerAccountId, account.provider)
      expect(found).toEqual(withBackendId(account, found))
    },
  },
  'getAccount returns null for a missing account': {
    requires: ['getAccount'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const account = t.fixtures.account(user.id)
      await t.linkAccount(account)
      const { provider, providerAccountId } = account
      const getAccount = t.method('getAccount')
      const otherId = t.fixtures.id()
      expect(
        await getAccount(providerAccountId, 'other-provider'),
        'same providerAccountId, other provider',
      ).toBeNull()
      expect(
        await getAccount(otherId, provider),
        'same provider, other providerAccountId',
      ).toBeNull()
      expect(await getAccount(otherId, 'other-provider'), 'both other').toBeNull()
    },
  },
  'unlinkAccount removes the account': {
    requires: ['unlinkAccount'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const unlinked = t.fixtures.account(user.id)
      const kept = { ...t.fixtures.account(user.id), provider: 'google' }
      await t.linkAccount(unlinked)
      await t.linkAccount(kept)
      await t.method('unlinkAccount')({
        provider: unlinked.provider,
        providerAccountId: unlinked.providerAccountId,
      })
      expect(await t.probes.account(unlinked), 'the unlinked account').toBeNull()
      expect(
        await t.method('getUserByAccount')({
          provider: unlinked.provider,
          providerAccountId: unlinked.providerAccountId,
        }),
        'getUserByAccount of the unlinked account',
      ).toBeNull()
      const stillStored = await t.probes.account(kept)
      expect(stillStored, "the user's other account").toEqual(withBackendId(kept, stillStored))
      expect(await t.probes.user(user.id), 'the user').toEqual(user)
    },
  },
  'unlinkAccount of a missing account resolves': {
    requires: ['unlinkAccount', 'deleteMissingRecords'],
    run: async (t: CaseContext) => {
      const user = await t.addUser()
      const account = t.fixtures.account(user.id)
      await t.linkAccount(account)
      await t.method('unlinkAccount')({
        provider: account.provider,
        providerAccountId: t.fixtures.id(),
      })
      const stored = await t.probes.account(account)
      expect(stored, 'an unrelated account').toEqual(withBackendId(account, stored))
    },
  },
  'linkAccount of one provider account to two users at once links it to one': {
    requires: ['uniqueUsers'],
    run: async (t: CaseContext) => {
      // Two tabs finishing a first sign-in with one OAuth account, each with a user of its own:
      // one link may be refused; the account must end up linked to exactly one of them.
      const users = [await t.addUser(), await t.addUser()]
      const account = t.fixtures.account(users[0]?.id ?? '')
      const settled = await Promise.allSettled(
        users.map((user) => t.linkAccount({ ...account, userId: user.id })),
      )
      expect(
        settled.filter((result) => result.status === 'fulfilled').length,
        'calls that linked the account',
      ).toBeGreaterThanOrEqual(1)
      const owner = await t.method('getUserByAccount')({
        provider: account.provider,
        providerAccountId: account.providerAccountId,
      })
      expect(
        users.map((user) => user.id),
        'getUserByAccount must find one of the two users',
      ).toContain(owner?.id)
      const stored = await t.probes.account(account)
      expect(stored?.userId, 'the user the stored account belongs to').toBe(owner?.id)
    },
  },
} satisfies Record<string, ConformanceCase>
