import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import DocumentClient from 'aws-sdk/clients/dynamodb.js'
import { describe, expect, it } from 'vitest'
import { DynamoDBAdapter, DynamoDBAdapterError } from '../../src/index.js'
import { describeOnBackends } from '../support/test-backend.js'
import { freshAdapter, rawItem, scanAll } from './support/backend-fixture.js'
import { exerciseAllMethods } from './support/exercise-all-methods.js'
import { newAccount, newUser } from './support/fixtures.js'

describeOnBackends((fixture) => {
  describe('a DynamoDBDocument built with no marshall options at all', () => {
    it('runs all 19 methods', async () => {
      const { options, tableName } = await freshAdapter(fixture)
      const bare = fixture.documentClient()

      await exerciseAllMethods(DynamoDBAdapter(bare, options))

      expect(await scanAll(fixture.client, tableName)).toEqual([])
      bare.destroy()
    })

    it('skips undefined fields (which such a client would reject) and stores null as null', async () => {
      const { options, tableName } = await freshAdapter(fixture)
      const bare = fixture.documentClient()
      const adapter = DynamoDBAdapter(bare, options)
      const user = newUser()

      await adapter.createUser({
        ...user,
        name: undefined,
        image: null,
        profile: { a: undefined, b: null },
      } as never)
      const updated = await adapter.updateUser({
        id: user.id,
        name: undefined,
        image: 'x',
        email: undefined,
      } as never)
      const account = await adapter.linkAccount({
        ...newAccount(user.id),
        id_token: undefined,
        scope: null,
      } as never)

      expect(updated).toEqual({ ...user, name: undefined, image: 'x', profile: { b: null } })
      expect(updated).not.toHaveProperty('name')
      const item = await rawItem(fixture.client, tableName, {
        pk: `USER#${user.id}`,
        sk: `USER#${user.id}`,
      })
      expect(item).toMatchObject({
        email: user.email,
        image: 'x',
        profile: { b: null },
        GSI1PK: `USER#${user.email}`,
      })
      expect(item).not.toHaveProperty('name')
      expect(account).not.toHaveProperty('id_token')
      expect(account.scope).toBeNull()
      bare.destroy()
    })
  })

  describe('a DynamoDBDocumentClient (send only)', () => {
    it('runs all 19 methods', async () => {
      const { options } = await freshAdapter(fixture)
      const client = DynamoDBDocumentClient.from(
        new DynamoDBClient({
          endpoint: fixture.endpoint,
          region: fixture.region,
          credentials: fixture.credentials,
        }),
      )

      await exerciseAllMethods(DynamoDBAdapter(client, options))
      client.destroy()
    })
  })

  describe('a v3 client from another copy of @aws-sdk/lib-dynamodb (not an instance of ours)', () => {
    it('runs all 19 methods, paging by hand where paginateQuery would refuse it', async () => {
      const { options, tableName } = await freshAdapter(fixture)
      const foreign = { send: fixture.client.send.bind(fixture.client) }
      const adapter = DynamoDBAdapter(foreign as never, options)

      await exerciseAllMethods(adapter)
      const user = await adapter.createUser(newUser())
      await Promise.all(
        Array.from({ length: 30 }, () =>
          adapter.linkAccount({ ...newAccount(user.id), pad: 'x'.repeat(40_000) } as never),
        ),
      )
      expect(await adapter.deleteUser(user.id)).toEqual(user)
      expect(await scanAll(fixture.client, tableName)).toEqual([])
    })
  })

  describe('an aws-sdk v2 DocumentClient (as next-auth v4 apps have)', () => {
    function v2Client() {
      return new DocumentClient.DocumentClient({
        endpoint: fixture.endpoint,
        region: fixture.region,
        credentials: fixture.credentials,
        sslEnabled: false,
      })
    }

    it('runs all 19 methods', async () => {
      const { options, tableName } = await freshAdapter(fixture)

      await exerciseAllMethods(DynamoDBAdapter(v2Client(), options))

      expect(await scanAll(fixture.client, tableName)).toEqual([])
    })

    it('reads what a v3 client wrote, and the other way round', async () => {
      const { options, adapter: v3 } = await freshAdapter(fixture)
      const v2 = DynamoDBAdapter(v2Client(), options)
      const fromV3 = await v3.createUser(
        newUser({ emailVerified: new Date('2024-01-01T00:00:00.000Z') }),
      )
      const fromV2 = await v2.createUser(
        newUser({ emailVerified: new Date('2024-01-01T00:00:00.000Z') }),
      )

      expect(await v2.getUser(fromV3.id)).toEqual(fromV3)
      expect(await v3.getUser(fromV2.id)).toEqual(fromV2)
    })

    it('pages through deleteUser and reports missing tables like v3', async () => {
      const { options, tableName } = await freshAdapter(fixture)
      const adapter = DynamoDBAdapter(v2Client(), options)
      const user = await adapter.createUser(newUser())
      // ~1.2 MB in the user partition: more than one Query page.
      await Promise.all(
        Array.from({ length: 30 }, () =>
          adapter.linkAccount({ ...newAccount(user.id), pad: 'x'.repeat(40_000) } as never),
        ),
      )

      expect(await adapter.deleteUser(user.id)).toEqual(user)
      expect(await scanAll(fixture.client, tableName)).toEqual([])
      await expect(
        DynamoDBAdapter(v2Client(), { tableName: 'no-such-table' }).getUser('x'),
      ).rejects.toMatchObject({ code: 'TABLE_NOT_FOUND', method: 'getUser' })
    })
  })

  describe('anything else', () => {
    it.each([
      ['null', null],
      ['a plain object', {}],
      ['a DynamoDBDocument class (not an instance)', DynamoDBDocument],
    ])('throws INVALID_CLIENT for %s', (_, client) => {
      let error: unknown
      try {
        DynamoDBAdapter(client as never)
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(DynamoDBAdapterError)
      expect(error).toMatchObject({ code: 'INVALID_CLIENT', method: 'DynamoDBAdapter' })
      expect((error as Error).message).toContain('DynamoDBDocument')
    })
  })
})
