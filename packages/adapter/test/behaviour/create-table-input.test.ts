import { authjsTable } from '@auth-dynamo/harness'
import {
  CreateTableCommand,
  DynamoDBClient,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb'
import { describe, expect, it } from 'vitest'
import { createTableInput, DynamoDBAdapter, type DynamoDBAdapterOptions } from '../../src/index.js'
import { tableAdministratorCredentials } from '../support/least-privilege.js'
import { describeOnBackends } from '../support/test-backend.js'
import { exerciseAllMethods } from './support/exercise-all-methods.js'

describeOnBackends((fixture) => {
  const custom: DynamoDBAdapterOptions = {
    tableName: 'custom',
    partitionKey: 'PK',
    sortKey: 'SK',
    indexName: 'lookup',
    indexPartitionKey: 'lookup-pk',
    indexSortKey: 'lookup.sk',
  }

  describe('createTableInput', () => {
    it.each([
      ['the defaults', {}],
      ['custom names', custom],
    ])(
      'agrees with the harness preset authjsTable() for %s: keys, index, billing and TTL',
      (_, options) => {
        const { table, timeToLive } = createTableInput(options)
        const { TimeToLiveSpecification, ...preset } = authjsTable(options)

        expect(table).toEqual(preset)
        expect(timeToLive).toEqual({ TableName: preset.TableName, TimeToLiveSpecification })
      },
    )

    it('uses the defaults of @auth/dynamodb-adapter', () => {
      const { table, timeToLive } = createTableInput()
      expect(table).toMatchObject({
        TableName: 'next-auth',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'GSI1',
            KeySchema: [
              { AttributeName: 'GSI1PK', KeyType: 'HASH' },
              { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      })
      expect(timeToLive.TimeToLiveSpecification).toEqual({
        AttributeName: 'expires',
        Enabled: true,
      })
    })

    it('creates, through the plain DynamoDB API, a table the adapter works on', async () => {
      const options = { ...custom, tableName: `from-code-${crypto.randomUUID()}` }
      const { table, timeToLive } = createTableInput(options)
      // Table setup is an administrator's job, outside the adapter's least-privilege policy.
      const client = new DynamoDBClient({
        endpoint: fixture.endpoint,
        region: fixture.region,
        // DynamoDB Local accepts only letters and digits in an access key.
        credentials:
          fixture.kind === 'emulator' ? tableAdministratorCredentials : fixture.credentials,
      })

      await client.send(new CreateTableCommand(table))
      await client.send(new UpdateTimeToLiveCommand(timeToLive))

      await exerciseAllMethods(DynamoDBAdapter(fixture.client, options), options)
      client.destroy()
    })
  })
})
