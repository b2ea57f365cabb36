import type { AdapterUser } from '@auth/core/adapters'
import { describe, expect, it } from 'vitest'
import { DynamoDBAdapter } from '../../src/index.js'
import { describeOnBackends } from '../support/test-backend.js'
import { countingClient, freshAdapter, scanAll, scanEntities } from './support/backend-fixture.js'
import {
  newAccount,
  newAuthenticator,
  newSession,
  newUser,
  newVerificationToken,
} from './support/fixtures.js'
import { expectNoStorageAttributes } from './support/storage-attributes.js'

describeOnBackends((fixture) => {
  type Adapter = Awaited<ReturnType<typeof freshAdapter>>['adapter']

  /**
   * Gives a user `count` related items, spread over accounts, sessions, authenticators and
   * verification tokens. `padding` bytes per item push the partition past DynamoDB's 1 MB page, so
   * deleteUser must follow LastEvaluatedKey.
   */
  async function seedRelated(adapter: Adapter, user: AdapterUser, count: number, padding = 0) {
    const pad = 'x'.repeat(padding)
    const writes: Promise<unknown>[] = []
    for (let i = 0; i < count; i++) {
      switch (i % 4) {
        case 0:
          writes.push(adapter.linkAccount({ ...newAccount(user.id), pad } as never))
          break
        case 1:
          writes.push(adapter.createSession({ ...newSession(user.id), pad } as never))
          break
        case 2:
          writes.push(
            adapter.createAuthenticator(
              newAuthenticator(user.id, { credentialPublicKey: pad || 'key' }),
            ),
          )
          break
        default:
          writes.push(
            adapter.createVerificationToken({ ...newVerificationToken(user.email), pad } as never),
          )
      }
      if (writes.length === 25) await Promise.all(writes.splice(0))
    }
    await Promise.all(writes)
  }

  describe('deleteUser', () => {
    it.each([
      [0, 0],
      [30, 0],
      [500, 4_000],
    ])(
      'removes the user and all %i related items (sessions, accounts, authenticators, tokens)',
      async (related, padding) => {
        const { adapter, tableName } = await freshAdapter(fixture)
        const user = await adapter.createUser(newUser())
        const bystander = await adapter.createUser(newUser())
        await seedRelated(adapter, user, related, padding)
        await seedRelated(adapter, bystander, 8)
        const before = await scanEntities(fixture.client, tableName)
        expect(before).toHaveLength(1 + related + 1 + 8)
        const claims = (await scanAll(fixture.client, tableName)).length - before.length

        const deleted = await adapter.deleteUser(user.id)

        expect(deleted).toEqual(user)
        expectNoStorageAttributes(deleted)
        const after = await scanAll(fixture.client, tableName)
        // What is left: the bystander, its 8 items, and its claims (its email, its 2 accounts).
        expect(after).toHaveLength(1 + 8 + 3)
        // Before, there were claims on both emails and on every account (one in four items).
        expect(claims).toBe(1 + Math.ceil(related / 4) + 3)
        expect(after.every((item) => !JSON.stringify(item).includes(user.id))).toBe(true)
        expect(after.some((item) => item.sk === `VT#${user.email}`)).toBe(false)
        expect(await adapter.getUser(user.id)).toBeNull()
        expect(await adapter.getUser(bystander.id)).toEqual(bystander)
        expect(await adapter.listAuthenticatorsByUserId(bystander.id)).toHaveLength(2)
      },
      // 500 items written one request each: seconds on the emulator, more on DynamoDB Local.
      180_000,
    )

    it('pages through a partition larger than 1 MB and writes in chunks of 25', async () => {
      const { adapter, options, tableName } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      // 300 sessions of ~4 KB: about 1.2 MB in the user's partition, two Query pages at least.
      await seedRelated(adapter, user, 0)
      const sessions = Array.from({ length: 300 }, () => ({
        ...newSession(user.id),
        pad: 'x'.repeat(4_000),
      }))
      for (let i = 0; i < sessions.length; i += 25) {
        await Promise.all(sessions.slice(i, i + 25).map((s) => adapter.createSession(s as never)))
      }
      const { client, counts } = countingClient(fixture)

      await DynamoDBAdapter(client, options).deleteUser(user.id)

      // Two or more pages of the user partition, plus one query of the token partition.
      expect(counts.get('QueryCommand')).toBeGreaterThanOrEqual(3)
      // 300 sessions, the user and the claim on its email.
      expect(counts.get('BatchWriteItemCommand')).toBe(Math.ceil(302 / 25))
      expect(await scanAll(fixture.client, tableName)).toEqual([])
      client.destroy()
    })

    it('resolves to null for a missing user and deletes nothing', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const bystander = await adapter.createUser(newUser())

      await expect(adapter.deleteUser(crypto.randomUUID())).resolves.toBeNull()
      expect(await scanEntities(fixture.client, tableName)).toHaveLength(1)
      expect(await adapter.getUser(bystander.id)).toEqual(bystander)
    })

    it('removes the accounts and sessions left behind by a user item that is already gone', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      await seedRelated(adapter, user, 6)
      await fixture.client.delete({
        TableName: tableName,
        Key: { pk: `USER#${user.id}`, sk: `USER#${user.id}` },
      })

      await expect(adapter.deleteUser(user.id)).resolves.toBeNull()
      const left = await scanAll(fixture.client, tableName)
      // Without the user item, its email (and so its token partition) is unknown: tokens stay.
      expect(left.filter((item) => item.pk === `USER#${user.id}`)).toEqual([])
    })

    it('removes the verification tokens of the user email only', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const own = await adapter.createVerificationToken(newVerificationToken(user.email))
      const other = await adapter.createVerificationToken(newVerificationToken('other@example.com'))

      await adapter.deleteUser(user.id)

      expect(await adapter.useVerificationToken(own)).toBeNull()
      expect(await adapter.useVerificationToken(other)).toEqual(other)
    })
  })
})
