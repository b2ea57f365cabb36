import { describe, expect, it } from 'vitest'
import { describeOnBackends } from '../support/test-backend.js'
import { failure } from './support/adapter-errors.js'
import { freshAdapter, rawItem, scanAll } from './support/backend-fixture.js'
import { newAccount, newUser } from './support/fixtures.js'

describeOnBackends((fixture) => {
  describe('emails are unique', () => {
    it('createUser of a taken email throws EMAIL_TAKEN and writes nothing', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const owner = await adapter.createUser(newUser())
      const before = await scanAll(fixture.client, tableName)

      const error = await failure(adapter.createUser(newUser({ email: owner.email })))

      expect(error).toMatchObject({ code: 'EMAIL_TAKEN', method: 'createUser' })
      expect(error.message).toContain(owner.email)
      expect(await scanAll(fixture.client, tableName)).toEqual(before)
    })

    it('updateUser to a taken email throws EMAIL_TAKEN; a free one moves the claim', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const owner = await adapter.createUser(newUser())
      const other = await adapter.createUser(newUser())

      const error = await failure(adapter.updateUser({ id: other.id, email: owner.email }))
      expect(error).toMatchObject({ code: 'EMAIL_TAKEN', method: 'updateUser' })
      expect(await adapter.getUser(other.id)).toEqual(other)

      const email = `free-${other.email}`
      await adapter.updateUser({ id: other.id, email })
      // The old email is free again: a new user can take it.
      const next = await adapter.createUser(newUser({ email: other.email }))
      expect(await adapter.getUserByEmail(other.email)).toEqual(next)
      const claim = await rawItem(fixture.client, tableName, {
        pk: `UNIQUE#EMAIL#${email}`,
        sk: 'UNIQUE#EMAIL',
      })
      expect(claim).toMatchObject({ type: 'UNIQUE_EMAIL', userId: other.id, email })
    })

    it('updateUser to email null releases the claim; a user without an email holds none', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      await adapter.createUser(newUser({ email: null as never }))

      await adapter.updateUser({ id: user.id, email: null } as never)

      const claims = (await scanAll(fixture.client, tableName)).filter(
        (item) => item.type === 'UNIQUE_EMAIL',
      )
      expect(claims).toEqual([])
      expect(await adapter.createUser(newUser({ email: user.email }))).toBeTruthy()
    })

    it('a claim whose user now has another email (changed by another program) is taken over', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      await fixture.client.update({
        TableName: tableName,
        Key: { pk: `USER#${user.id}`, sk: `USER#${user.id}` },
        // As a program that knows the layout but not the claims would: email and index keys.
        UpdateExpression: 'SET email = :e, GSI1PK = :k, GSI1SK = :k',
        ExpressionAttributeValues: {
          ':e': 'elsewhere@example.com',
          ':k': 'USER#elsewhere@example.com',
        },
      })

      const next = await adapter.createUser(newUser({ email: user.email }))

      expect(await adapter.getUserByEmail(user.email)).toEqual(next)
    })
  })

  describe('a provider account belongs to one user', () => {
    it('linkAccount of an account linked to another user throws ACCOUNT_TAKEN and writes nothing', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const owner = await adapter.createUser(newUser())
      const other = await adapter.createUser(newUser())
      const account = await adapter.linkAccount(newAccount(owner.id))

      const error = await failure(adapter.linkAccount({ ...account, userId: other.id }))

      expect(error).toMatchObject({ code: 'ACCOUNT_TAKEN', method: 'linkAccount' })
      expect(await adapter.getUserByAccount(account)).toEqual(owner)
      const key = {
        pk: `USER#${other.id}`,
        sk: `ACCOUNT#${account.provider}#${account.providerAccountId}`,
      }
      expect(await rawItem(fixture.client, tableName, key)).toBeUndefined()
      expect(await adapter.getAccount(account.providerAccountId, account.provider)).toEqual(account)
    })

    it('linking the same account to the same user again overwrites it, as before', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const account = await adapter.linkAccount(newAccount(user.id))

      const relinked = await adapter.linkAccount({ ...account, access_token: 'fresh' })

      expect(await adapter.getAccount(account.providerAccountId, account.provider)).toEqual(
        relinked,
      )
    })

    it('unlinkAccount frees the account for another user', async () => {
      const { adapter } = await freshAdapter(fixture)
      const first = await adapter.createUser(newUser())
      const second = await adapter.createUser(newUser())
      const account = await adapter.linkAccount(newAccount(first.id))

      await adapter.unlinkAccount(account)
      await adapter.linkAccount({ ...account, userId: second.id })

      expect(await adapter.getUserByAccount(account)).toEqual(second)
    })
  })
})
