import { describe, expect, it } from 'vitest'
import { describeOnBackends } from '../support/test-backend.js'
import { freshAdapter, rawItem } from './support/backend-fixture.js'
import { newAccount, newUser } from './support/fixtures.js'
import { expectNoStorageAttributes } from './support/storage-attributes.js'

describeOnBackends((fixture) => {
  describe('linkAccount', () => {
    it('stores the account in the layout of @auth/dynamodb-adapter and returns it', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const account = newAccount(user.id, { id_token: undefined, session_state: null } as never)

      const linked = await adapter.linkAccount(account)

      const { id_token: _, ...stored } = account as Record<string, unknown>
      expect(linked).toEqual(stored)
      expectNoStorageAttributes(linked)
      const key = { pk: `USER#${user.id}`, sk: `ACCOUNT#github#${account.providerAccountId}` }
      expect(await rawItem(fixture.client, tableName, key)).toEqual({
        ...key,
        GSI1PK: 'ACCOUNT#github',
        GSI1SK: `ACCOUNT#${account.providerAccountId}`,
        ...stored,
      })
    })
  })

  describe('getAccount', () => {
    it('takes (providerAccountId, provider) in that order and keeps the account type', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const account = await adapter.linkAccount(
        newAccount(user.id, { type: 'oidc', provider: 'google' }),
      )

      const found = await adapter.getAccount(account.providerAccountId, 'google')

      expect(found).toEqual(account)
      expect(found?.type).toBe('oidc')
      expectNoStorageAttributes(found)
      expect(await adapter.getAccount('google', account.providerAccountId)).toBeNull()
    })

    it('returns null for an unknown account', async () => {
      const { adapter } = await freshAdapter(fixture)
      expect(await adapter.getAccount('unknown', 'github')).toBeNull()
    })
  })

  describe('unlinkAccount', () => {
    it('deletes the account and returns it; the user stays', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const account = await adapter.linkAccount(newAccount(user.id))
      const other = await adapter.linkAccount(newAccount(user.id, { provider: 'gitlab' }))
      const ids = { provider: account.provider, providerAccountId: account.providerAccountId }

      const unlinked = await adapter.unlinkAccount(ids)

      expect(unlinked).toEqual(account)
      expectNoStorageAttributes(unlinked)
      expect(await adapter.getAccount(account.providerAccountId, account.provider)).toBeNull()
      expect(await adapter.getUserByAccount(ids)).toBeNull()
      expect(await adapter.getAccount(other.providerAccountId, other.provider)).toEqual(other)
      expect(await adapter.getUser(user.id)).toEqual(user)
    })

    it('resolves to undefined for an unknown account', async () => {
      const { adapter } = await freshAdapter(fixture)
      await expect(
        adapter.unlinkAccount({ provider: 'github', providerAccountId: 'unknown' }),
      ).resolves.toBeUndefined()
    })
  })
})
