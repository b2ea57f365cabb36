import { describe, expect, it } from 'vitest'
import { createTableInput, DynamoDBAdapter, type DynamoDBAdapterOptions } from '../../src/index.js'
import { describeOnBackends } from '../support/test-backend.js'
import { rawItem, scanAll } from './support/backend-fixture.js'
import { exerciseAllMethods } from './support/exercise-all-methods.js'
import { newAccount, newSession, newUser } from './support/fixtures.js'

describeOnBackends((fixture) => {
  const names = {
    partitionKey: 'PK',
    sortKey: 'SK',
    indexName: 'lookup',
    indexPartitionKey: 'lookup-pk',
    indexSortKey: 'lookup.sk',
  } satisfies DynamoDBAdapterOptions

  async function customTable() {
    const tableName = `custom-${crypto.randomUUID()}`
    await fixture.createTable(createTableInput({ ...names, tableName }).table)
    const options = { ...names, tableName }
    return { tableName, options, adapter: DynamoDBAdapter(fixture.client, options) }
  }

  describe('custom key names', () => {
    it('work in all 19 methods, and none of them appears in a returned object', async () => {
      const { adapter, options, tableName } = await customTable()

      await exerciseAllMethods(adapter, options)

      expect(await scanAll(fixture.client, tableName)).toEqual([])
    })

    it('are the only key attributes written: no default pk/sk/GSI1PK/GSI1SK', async () => {
      const { adapter, tableName } = await customTable()
      const user = await adapter.createUser(newUser())
      await adapter.linkAccount(newAccount(user.id))
      await adapter.createSession(newSession(user.id))

      const items = await scanAll(fixture.client, tableName)

      // The user, the account, the session, and the claims on the email and the account.
      expect(items).toHaveLength(5)
      expect(items.filter((item) => String(item.type).startsWith('UNIQUE_'))).toHaveLength(2)
      for (const item of items) {
        expect(Object.keys(item)).toEqual(
          expect.arrayContaining(
            String(item.type).startsWith('UNIQUE_')
              ? ['PK', 'SK']
              : ['PK', 'SK', 'lookup-pk', 'lookup.sk'],
          ),
        )
        for (const name of ['pk', 'sk', 'GSI1PK', 'GSI1SK']) expect(item).not.toHaveProperty(name)
      }
      expect(
        await rawItem(fixture.client, tableName, { PK: `USER#${user.id}`, SK: `USER#${user.id}` }),
      ).toMatchObject({
        'lookup-pk': `USER#${user.email}`,
        'lookup.sk': `USER#${user.email}`,
      })
    })

    it('leave alone a user attribute that is only named like a default key (pk)', async () => {
      const { adapter } = await customTable()
      // With custom names, "pk" is an ordinary attribute of the user and must survive a round trip.
      const user = await adapter.createUser({ ...newUser(), pk: 'mine' } as never)

      expect((await adapter.getUser(user.id)) as unknown).toMatchObject({ pk: 'mine' })
    })
  })
})
