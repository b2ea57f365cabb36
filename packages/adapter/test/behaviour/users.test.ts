import { describe, expect, it } from 'vitest'
import { DynamoDBAdapterError } from '../../src/index.js'
import { describeOnBackends } from '../support/test-backend.js'
import { freshAdapter, rawItem, scanAll } from './support/backend-fixture.js'
import { newAccount, newUser } from './support/fixtures.js'
import { expectNoStorageAttributes } from './support/storage-attributes.js'

describeOnBackends((fixture) => {
  describe('createUser', () => {
    it('stores the user in the layout of @auth/dynamodb-adapter and returns it without storage attributes', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const user = newUser({ emailVerified: new Date('2024-05-06T07:08:09.123Z') })

      const created = await adapter.createUser(user)

      expect(created).toEqual(user)
      expectNoStorageAttributes(created)
      expect(
        await rawItem(fixture.client, tableName, { pk: `USER#${user.id}`, sk: `USER#${user.id}` }),
      ).toEqual({
        pk: `USER#${user.id}`,
        sk: `USER#${user.id}`,
        GSI1PK: `USER#${user.email}`,
        GSI1SK: `USER#${user.email}`,
        type: 'USER',
        id: user.id,
        email: user.email,
        emailVerified: '2024-05-06T07:08:09.123Z',
        name: user.name,
        image: user.image,
      })
    })

    it('generates an id when none is given (next-auth v4 passes none)', async () => {
      const { adapter } = await freshAdapter(fixture)
      const { id: _, ...withoutId } = newUser()

      const created = await adapter.createUser(withoutId as never)

      expect(created.id).toMatch(/^[0-9a-f-]{36}$/)
      expect(await adapter.getUser(created.id)).toEqual(created)
    })

    it('refuses to overwrite an existing user with USER_EXISTS', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())

      const error = await adapter.createUser({ ...user, name: 'Impostor' }).catch((e: unknown) => e)

      expect(error).toBeInstanceOf(DynamoDBAdapterError)
      expect(error).toMatchObject({ code: 'USER_EXISTS', method: 'createUser' })
      expect(await adapter.getUser(user.id)).toEqual(user)
    })

    it('skips undefined fields and keeps null ones', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const user = { ...newUser(), name: undefined, image: null }

      const created = await adapter.createUser(user as never)

      expect(created).not.toHaveProperty('name')
      expect(created.image).toBeNull()
      const item = await rawItem(fixture.client, tableName, {
        pk: `USER#${user.id}`,
        sk: `USER#${user.id}`,
      })
      expect(item).not.toHaveProperty('name')
      expect(item).toHaveProperty('image', null)
    })
  })

  describe('getUser', () => {
    it('returns the user with Dates revived and no storage attributes', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(
        newUser({ emailVerified: new Date('2024-01-02T03:04:05.000Z') }),
      )

      const found = await adapter.getUser(user.id)

      expect(found).toEqual(user)
      expect(found?.emailVerified).toBeInstanceOf(Date)
      expectNoStorageAttributes(found)
    })

    it('returns null for an unknown id', async () => {
      const { adapter } = await freshAdapter(fixture)
      expect(await adapter.getUser(crypto.randomUUID())).toBeNull()
    })
  })

  describe('getUserByEmail', () => {
    it('finds the user by email, and returns null for an unknown email', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())

      const found = await adapter.getUserByEmail(user.email)

      expect(found).toEqual(user)
      expectNoStorageAttributes(found)
      expect(await adapter.getUserByEmail('nobody@example.com')).toBeNull()
    })
  })

  describe('getUserByAccount', () => {
    it('finds the user who linked the account, and null for an unknown account', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const account = newAccount(user.id)
      await adapter.linkAccount(account)

      const found = await adapter.getUserByAccount({
        provider: account.provider,
        providerAccountId: account.providerAccountId,
      })

      expect(found).toEqual(user)
      expectNoStorageAttributes(found)
      expect(
        await adapter.getUserByAccount({
          provider: account.provider,
          providerAccountId: 'unknown',
        }),
      ).toBeNull()
    })

    it('returns null when the account outlived its user', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const account = newAccount(user.id)
      await adapter.linkAccount(account)
      await fixture.client.delete({
        TableName: tableName,
        Key: { pk: `USER#${user.id}`, sk: `USER#${user.id}` },
      })

      expect(
        await adapter.getUserByAccount({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
        }),
      ).toBeNull()
    })
  })

  describe('updateUser', () => {
    it('moves the index keys to a new email: the new email finds the user, the old one does not', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const newEmail = `${crypto.randomUUID()}@example.org`

      const updated = await adapter.updateUser({ id: user.id, email: newEmail })

      expect(updated).toEqual({ ...user, email: newEmail })
      expectNoStorageAttributes(updated)
      expect(await adapter.getUserByEmail(newEmail)).toEqual(updated)
      expect(await adapter.getUserByEmail(user.email)).toBeNull()
      const item = await rawItem(fixture.client, tableName, {
        pk: `USER#${user.id}`,
        sk: `USER#${user.id}`,
      })
      expect(item).toMatchObject({ GSI1PK: `USER#${newEmail}`, GSI1SK: `USER#${newEmail}` })
    })

    it('throws USER_NOT_FOUND for a missing id and writes nothing', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const id = crypto.randomUUID()

      const error = await adapter
        .updateUser({ id, name: 'Ghost', email: 'ghost@example.com' })
        .catch((e: unknown) => e)

      expect(error).toBeInstanceOf(DynamoDBAdapterError)
      expect(error).toMatchObject({ code: 'USER_NOT_FOUND', method: 'updateUser', tableName })
      expect((error as Error).message).toContain(id)
      expect(await scanAll(fixture.client, tableName)).toEqual([])
      expect(await adapter.getUserByEmail('ghost@example.com')).toBeNull()
    })

    it('throws USER_NOT_FOUND for a missing id when there is nothing to change', async () => {
      const { adapter } = await freshAdapter(fixture)
      await expect(adapter.updateUser({ id: crypto.randomUUID() })).rejects.toMatchObject({
        code: 'USER_NOT_FOUND',
      })
    })

    it('returns the stored user unchanged when given only the id', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      expect(await adapter.updateUser({ id: user.id })).toEqual(user)
    })

    it('skips undefined fields, stores null as null, and never changes the id', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const verified = new Date('2025-02-03T04:05:06.789Z')

      const updated = await adapter.updateUser({
        id: user.id,
        name: undefined,
        image: null,
        emailVerified: verified,
      })

      expect(updated).toEqual({ ...user, image: null, emailVerified: verified })
      const item = await rawItem(fixture.client, tableName, {
        pk: `USER#${user.id}`,
        sk: `USER#${user.id}`,
      })
      expect(item).toMatchObject({
        id: user.id,
        name: user.name,
        image: null,
        emailVerified: verified.toISOString(),
      })
    })

    it('updates fields whose names contain "-", ".", spaces or reserved words', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())
      const changes = {
        'favourite-colour': 'green',
        'address.city': 'London',
        'first name': 'Ada',
        name: 'Countess',
        counter: 3,
        type: 'admin',
      }

      const updated = await adapter.updateUser({ id: user.id, ...changes } as never)

      const { type: _, ...expected } = { ...user, ...changes }
      expect(updated).toEqual(expected)
      expect(await adapter.getUser(user.id)).toEqual(expected)
    })

    it('takes a user out of the email index when the email is set to null', async () => {
      const { adapter } = await freshAdapter(fixture)
      const user = await adapter.createUser(newUser())

      const updated = await adapter.updateUser({ id: user.id, email: null } as never)

      expect(updated.email).toBeNull()
      expect(await adapter.getUserByEmail(user.email)).toBeNull()
    })
  })
})
