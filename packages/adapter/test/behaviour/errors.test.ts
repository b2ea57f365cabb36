import { describe, expect, it } from 'vitest'
import { createTableInput, DynamoDBAdapter } from '../../src/index.js'
import { describeOnBackends } from '../support/test-backend.js'
import { failure, thrown } from './support/adapter-errors.js'
import { freshAdapter } from './support/backend-fixture.js'
import { newSession, newUser } from './support/fixtures.js'

describeOnBackends((fixture) => {
  describe('a missing table', () => {
    it.each([
      ['getUser (GetItem)', (a: Adapter) => a.getUser('id')],
      ['getUserByEmail (Query on the index)', (a: Adapter) => a.getUserByEmail('a@example.com')],
      ['createUser (PutItem)', (a: Adapter) => a.createUser(newUser())],
      ['createSession (PutItem)', (a: Adapter) => a.createSession(newSession('u'))],
      [
        'useVerificationToken (DeleteItem)',
        (a: Adapter) => a.useVerificationToken({ identifier: 'a', token: 'b' }),
      ],
      ['deleteUser (paged Query)', (a: Adapter) => a.deleteUser('id')],
    ])('gives TABLE_NOT_FOUND naming what to create, from %s', async (label, call) => {
      const adapter = DynamoDBAdapter(fixture.client, { tableName: 'no-such-table' })

      const error = await failure(call(adapter))

      const method = label.split(' ')[0]
      expect(error).toMatchObject({ code: 'TABLE_NOT_FOUND', method, tableName: 'no-such-table' })
      expect(error.cause).toMatchObject({ name: 'ResourceNotFoundException' })
      expect(error.message).toContain(`${method} (table "no-such-table")`)
      for (const part of [
        'partition key "pk"',
        'sort key "sk"',
        'index "GSI1"',
        '"GSI1PK"',
        '"GSI1SK"',
        'projection ALL',
        '"expires"',
        'https://github.com/auth-dynamo/auth-dynamo/tree/main/examples/infra',
        'createTableInput()',
      ]) {
        expect(error.message).toContain(part)
      }
    })
  })

  type Adapter = ReturnType<typeof DynamoDBAdapter>

  describe('a missing index', () => {
    it('gives INDEX_NOT_FOUND naming the index and its keys, for a table without any index', async () => {
      const tableName = `no-index-${crypto.randomUUID()}`
      await fixture.createTable({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      })
      const adapter = DynamoDBAdapter(fixture.client, { tableName })

      const error = await failure(adapter.getUserByEmail('a@example.com'))

      expect(error).toMatchObject({ code: 'INDEX_NOT_FOUND', method: 'getUserByEmail', tableName })
      for (const part of [
        'index "GSI1"',
        'partition key "GSI1PK"',
        'sort key "GSI1SK"',
        'projection ALL',
        'options.indexName',
      ]) {
        expect(error.message).toContain(part)
      }
      // Reads by primary key still work on such a table.
      expect(await adapter.getUser('nobody')).toBeNull()
    })

    it('gives INDEX_NOT_FOUND when options.indexName does not match the table', async () => {
      const { tableName } = await freshAdapter(fixture)
      const adapter = DynamoDBAdapter(fixture.client, { tableName, indexName: 'GSI9' })

      const error = await failure(adapter.getSessionAndUser('token'))

      expect(error).toMatchObject({ code: 'INDEX_NOT_FOUND', method: 'getSessionAndUser' })
      expect(error.message).toContain('index "GSI9"')
    })
  })

  describe('key names that do not match the table', () => {
    // The four requests that carry keys, each with the names wrong: GetItem, PutItem (and the
    // TransactWriteItems of createUser), a Query of the table and a Query of the index. Each
    // backend words its refusal differently; every wording must come out as KEY_SCHEMA_MISMATCH.
    const wrongTableKeys = { partitionKey: 'PK', sortKey: 'SK' }
    const wrongIndexKeys = { indexPartitionKey: 'lookupPK', indexSortKey: 'lookupSK' }
    it.each([
      ['getUser (GetItem)', wrongTableKeys, (a: Adapter) => a.getUser('id')],
      [
        'createUser (PutItem, no email)',
        wrongTableKeys,
        (a: Adapter) => a.createUser(newUser({ email: null as never })),
      ],
      ['createUser (TransactWriteItems)', wrongTableKeys, (a: Adapter) => a.createUser(newUser())],
      ['deleteUser (Query of the table)', wrongTableKeys, (a: Adapter) => a.deleteUser('id')],
      [
        'getUserByEmail (Query of the index)',
        wrongIndexKeys,
        (a: Adapter) => a.getUserByEmail('a@example.com'),
      ],
    ])(
      'gives KEY_SCHEMA_MISMATCH naming the configured names, from %s',
      async (label, names, call) => {
        const { tableName } = await freshAdapter(fixture)
        const adapter = DynamoDBAdapter(fixture.client, { tableName, ...names })

        const error = await failure(call(adapter))

        expect(error).toMatchObject({ code: 'KEY_SCHEMA_MISMATCH', method: label.split(' ')[0] })
        const [first] = Object.values(names)
        expect(error.message).toContain(`"${first}"`)
        expect(error.message).toContain('DynamoDB said:')
      },
    )
  })

  describe('invalid options', () => {
    it.each([
      [{ tableName: 42 }, 'options.tableName'],
      [{ tableName: 'a' }, 'options.tableName: must be 3 to 255 characters'],
      [{ partitionKey: '' }, 'options.partitionKey: must not be empty'],
      [{ indexName: 'has space' }, 'options.indexName'],
      [{ partitionkey: 'pk' }, 'partitionkey'],
      [{ sortKey: 'pk' }, 'options.sortKey: must differ from partitionKey'],
      ['next-auth', 'options'],
    ])('throws INVALID_OPTIONS naming the field for %j', (options, named) => {
      const error = thrown(() => DynamoDBAdapter(fixture.client, options as never))

      expect(error).toMatchObject({ code: 'INVALID_OPTIONS', method: 'DynamoDBAdapter' })
      expect(error.message).toContain(named)
      expect(thrown(() => createTableInput(options as never)).code).toBe('INVALID_OPTIONS')
    })

    it('treats undefined fields as defaults, as the upstream adapter does', async () => {
      const { tableName } = await freshAdapter(fixture)
      const adapter = DynamoDBAdapter(fixture.client, { tableName, partitionKey: undefined })
      const user = await adapter.createUser(newUser())
      expect(await adapter.getUser(user.id)).toEqual(user)
    })
  })

  describe('DynamoDBAdapterError', () => {
    it('is an Error with a stable code, the method, the table and the cause', async () => {
      const { adapter, tableName } = await freshAdapter(fixture)

      const error = await failure(adapter.updateUser({ id: 'missing', name: 'x' }))

      expect(error).toBeInstanceOf(Error)
      expect(error.name).toBe('DynamoDBAdapterError')
      expect(error).toMatchObject({ code: 'USER_NOT_FOUND', method: 'updateUser', tableName })
      expect(error.cause).toMatchObject({ name: 'ConditionalCheckFailedException' })
      expect(error.message).toMatch(/^updateUser \(table "[^"]+"\): no user with id "missing"/)
    })
  })
})
