import { describe, expect, it } from 'vitest'
import { DynamoDBAdapter, DynamoDBAdapterError } from '../../src/index.js'
import { describeOnBackends } from '../support/test-backend.js'
import {
  countingClient,
  freshAdapter,
  rawItem,
  scanAll,
  scanEntities,
} from './support/backend-fixture.js'
import { newAuthenticator, newUser } from './support/fixtures.js'
import { expectNoStorageAttributes } from './support/storage-attributes.js'

describeOnBackends((fixture) => {
  describe('createAuthenticator', () => {
    it('stores the authenticator in the documented layout and returns it', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const authenticator = newAuthenticator(user.id, { transports: null })

      const created = await adapter.createAuthenticator(authenticator)

      expect(created).toEqual(authenticator)
      expectNoStorageAttributes(created)
      const id = authenticator.credentialID
      const key = { pk: `USER#${user.id}`, sk: `AUTHENTICATOR#${id}` }
      expect(await rawItem(fixture.client, tableName, key)).toEqual({
        ...key,
        GSI1PK: `AUTHENTICATOR#${id}`,
        GSI1SK: `AUTHENTICATOR#${id}`,
        type: 'AUTHENTICATOR',
        ...authenticator,
      })
    })

    it('throws AUTHENTICATOR_EXISTS for a credential id already registered, to any user, and writes nothing', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const owner = await adapter.createUser(newUser())
      const other = await adapter.createUser(newUser())
      const authenticator = await adapter.createAuthenticator(newAuthenticator(owner.id))

      for (const userId of [owner.id, other.id]) {
        const error = await adapter
          .createAuthenticator({ ...authenticator, userId, counter: 99 })
          .catch((e: unknown) => e)
        expect(error).toBeInstanceOf(DynamoDBAdapterError)
        expect(error).toMatchObject({ code: 'AUTHENTICATOR_EXISTS', method: 'createAuthenticator' })
      }
      expect(await adapter.getAuthenticator(authenticator.credentialID)).toEqual(authenticator)
      expect(await scanEntities(fixture.client, tableName)).toHaveLength(3)
    })
  })

  describe('getAuthenticator', () => {
    it('returns the authenticator by credential id, and null when missing', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const authenticator = await adapter.createAuthenticator(newAuthenticator(user.id))

      const found = await adapter.getAuthenticator(authenticator.credentialID)

      expect(found).toEqual(authenticator)
      expectNoStorageAttributes(found)
      expect(await adapter.getAuthenticator('unknown')).toBeNull()
    })
  })

  describe('listAuthenticatorsByUserId', () => {
    it('returns [] for an unknown user and for a user without authenticators', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      expect(await adapter.listAuthenticatorsByUserId(crypto.randomUUID())).toEqual([])
      expect(await adapter.listAuthenticatorsByUserId(user.id)).toEqual([])
    })

    it('returns only the user authenticators, paging past 1 MB', async () => {
      const { adapter, options } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const other = await adapter.createUser(newUser())
      // 30 keys of ~40 KB: about 1.2 MB, more than one Query page.
      const created = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          adapter.createAuthenticator(
            newAuthenticator(user.id, {
              credentialPublicKey: String(i).repeat(40_000).slice(0, 40_000),
            }),
          ),
        ),
      )
      await adapter.createAuthenticator(newAuthenticator(other.id))
      await adapter.linkAccount({
        userId: user.id,
        type: 'webauthn',
        provider: 'passkey',
        providerAccountId: created[0]?.credentialID ?? '',
      })

      const { client, counts } = countingClient(fixture)

      const listed = await DynamoDBAdapter(client, options).listAuthenticatorsByUserId(user.id)

      expect(counts.get('QueryCommand')).toBeGreaterThanOrEqual(2)
      expect(listed).toHaveLength(30)
      const byId = (a: { credentialID: string }, b: { credentialID: string }) =>
        a.credentialID.localeCompare(b.credentialID)
      expect([...listed].sort(byId)).toEqual([...created].sort(byId))
      for (const authenticator of listed) expectNoStorageAttributes(authenticator)
      client.destroy()
    })
  })

  describe('updateAuthenticatorCounter', () => {
    it('stores the new counter and returns the updated authenticator', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const authenticator = await adapter.createAuthenticator(newAuthenticator(user.id))

      const updated = await adapter.updateAuthenticatorCounter(authenticator.credentialID, 42)

      expect(updated).toEqual({ ...authenticator, counter: 42 })
      expectNoStorageAttributes(updated)
      expect((await adapter.getAuthenticator(authenticator.credentialID))?.counter).toBe(42)
    })

    it('throws AUTHENTICATOR_NOT_FOUND for an unknown credential and writes nothing', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)

      const error = await adapter.updateAuthenticatorCounter('unknown', 1).catch((e: unknown) => e)

      expect(error).toBeInstanceOf(DynamoDBAdapterError)
      expect(error).toMatchObject({
        code: 'AUTHENTICATOR_NOT_FOUND',
        method: 'updateAuthenticatorCounter',
      })
      expect(await scanAll(fixture.client, tableName)).toEqual([])
    })

    it('throws INVALID_ARGUMENT for a counter that is not a finite number', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const authenticator = await adapter.createAuthenticator(newAuthenticator(user.id))

      await expect(
        adapter.updateAuthenticatorCounter(authenticator.credentialID, Number.NaN),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
      expect((await adapter.getAuthenticator(authenticator.credentialID))?.counter).toBe(0)
    })
  })
})
