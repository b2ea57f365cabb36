import { describe, expect, it } from 'vitest'
import { describeOnBackends } from '../support/test-backend.js'
import { freshAdapter, rawItem } from './support/backend-fixture.js'
import { inWholeSeconds, newVerificationToken } from './support/fixtures.js'
import { expectNoStorageAttributes } from './support/storage-attributes.js'

describeOnBackends((fixture) => {
  describe('createVerificationToken', () => {
    it('stores the token in the layout of @auth/dynamodb-adapter and returns it', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const token = newVerificationToken('ada@example.com')

      const created = await adapter.createVerificationToken(token)

      expect(created).toEqual(token)
      expectNoStorageAttributes(created)
      const key = { pk: 'VT#ada@example.com', sk: `VT#${token.token}` }
      expect(await rawItem(fixture.client, tableName, key)).toEqual({
        ...key,
        type: 'VT',
        identifier: token.identifier,
        token: token.token,
        expires: token.expires.getTime() / 1000,
      })
    })
  })

  describe('useVerificationToken', () => {
    it('returns the token once and deletes it', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const token = await adapter.createVerificationToken(newVerificationToken('ada@example.com'))
      const params = { identifier: token.identifier, token: token.token }

      const used = await adapter.useVerificationToken(params)

      expect(used).toEqual(token)
      expect(used?.expires).toBeInstanceOf(Date)
      expectNoStorageAttributes(used)
      expect(await adapter.useVerificationToken(params)).toBeNull()
      expect(
        await rawItem(fixture.client, tableName, {
          pk: 'VT#ada@example.com',
          sk: `VT#${token.token}`,
        }),
      ).toBeUndefined()
    })

    it('returns null for an unknown token, or a known token under another identifier', async () => {
      const { adapter } = await freshAdapter(fixture)
      const token = await adapter.createVerificationToken(newVerificationToken('ada@example.com'))

      expect(
        await adapter.useVerificationToken({ identifier: 'ada@example.com', token: 'nope' }),
      ).toBeNull()
      expect(
        await adapter.useVerificationToken({ identifier: 'eve@example.com', token: token.token }),
      ).toBeNull()
      expect(await adapter.useVerificationToken(token)).toEqual(token)
    })

    it('deletes an expired token and reads it as missing, although DynamoDB has not deleted it yet', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const token = await adapter.createVerificationToken(
        newVerificationToken('ada@example.com', inWholeSeconds(-1000)),
      )
      const key = { pk: 'VT#ada@example.com', sk: `VT#${token.token}` }
      expect(await rawItem(fixture.client, tableName, key)).toBeDefined()

      expect(await adapter.useVerificationToken(token)).toBeNull()
      expect(await rawItem(fixture.client, tableName, key)).toBeUndefined()
    })

    it('hands a token to exactly one of many concurrent uses', async () => {
      const { adapter } = await freshAdapter(fixture)
      const token = await adapter.createVerificationToken(newVerificationToken('ada@example.com'))

      const results = await Promise.all(
        Array.from({ length: 10 }, () => adapter.useVerificationToken(token)),
      )

      expect(results.filter((result) => result !== null)).toEqual([token])
    })
  })
})
