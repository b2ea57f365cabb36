import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeLimitsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  UpdateTableCommand,
  type UpdateTableCommandInput,
} from '@aws-sdk/client-dynamodb'
import { marshall } from '@aws-sdk/util-dynamodb'
import { beforeAll, describe, expect, test } from 'vitest'
import { createTable, scanAll, type Target, uniqueTableName } from '../support/targets.js'
import { outcomeOf } from '../transactions/transaction-cases.js'

const protectedMessage =
  'Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.'
const streamLabel = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/

interface StreamRefusal {
  name: string
  start: 'on' | 'off'
  request: (tableName: string) => UpdateTableCommandInput
  message: RegExp
}

const streamRefusals: StreamRefusal[] = [
  {
    name: 'enabling an enabled stream',
    start: 'on',
    request: (t) => ({
      TableName: t,
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    }),
    message: /already has an enabled stream/,
  },
  {
    name: 'disabling when there is no stream',
    start: 'off',
    request: (t) => ({ TableName: t, StreamSpecification: { StreamEnabled: false } }),
    message: /no stream to disable/,
  },
  {
    name: 'enabling without a StreamViewType',
    start: 'off',
    request: (t) => ({ TableName: t, StreamSpecification: { StreamEnabled: true } }),
    message: /must not be null or empty when enabling/,
  },
  {
    name: 'disabling with a StreamViewType',
    start: 'on',
    request: (t) => ({
      TableName: t,
      StreamSpecification: { StreamEnabled: false, StreamViewType: 'KEYS_ONLY' },
    }),
    message: /StreamEnabled was false but a StreamViewType was present/,
  },
  {
    name: 'a StreamSpecification without StreamEnabled',
    start: 'off',
    request: (t) => ({
      TableName: t,
      StreamSpecification: { StreamViewType: 'KEYS_ONLY' } as never,
    }),
    message: /StreamEnabled was null/,
  },
]

/** Operations that take a table's ARN in place of its name, each checked by what it answers. */
const arnOperations: Array<{
  name: string
  send: (target: Target, arn: string, name: string) => Promise<unknown>
  /** Where DynamoDB Local refuses the ARN, and why the emulator takes it. */
  local?: string
}> = [
  {
    name: 'PutItem',
    send: ({ client }, arn) =>
      client.send(new PutItemCommand({ TableName: arn, Item: marshall({ pk: 'put', n: 1 }) })),
  },
  {
    name: 'GetItem',
    send: async ({ client }, arn) =>
      expect(
        (await client.send(new GetItemCommand({ TableName: arn, Key: marshall({ pk: 'seed' }) })))
          .Item,
      ).toEqual(marshall({ pk: 'seed' })),
  },
  {
    name: 'UpdateItem',
    send: ({ client }, arn) =>
      client.send(
        new UpdateItemCommand({
          TableName: arn,
          Key: marshall({ pk: 'seed' }),
          UpdateExpression: 'SET v = :v',
          ExpressionAttributeValues: marshall({ ':v': 1 }),
        }),
      ),
  },
  {
    name: 'DeleteItem',
    send: ({ client }, arn) =>
      client.send(new DeleteItemCommand({ TableName: arn, Key: marshall({ pk: 'gone' }) })),
  },
  {
    name: 'Query',
    send: async ({ client }, arn) =>
      expect(
        (
          await client.send(
            new QueryCommand({
              TableName: arn,
              KeyConditionExpression: 'pk = :p',
              ExpressionAttributeValues: marshall({ ':p': 'seed' }),
            }),
          )
        ).Count,
      ).toBe(1),
  },
  {
    name: 'Scan',
    send: async ({ client }, arn) =>
      expect((await client.send(new ScanCommand({ TableName: arn }))).Count).toBeGreaterThan(0),
  },
  {
    name: 'BatchGetItem',
    send: async ({ client }, arn, name) =>
      expect(
        (
          await client.send(
            new BatchGetItemCommand({
              RequestItems: { [arn]: { Keys: [marshall({ pk: 'seed' })] } },
            }),
          )
        ).Responses?.[name],
      ).toHaveLength(1),
  },
  {
    name: 'BatchWriteItem',
    send: ({ client }, arn) =>
      client.send(
        new BatchWriteItemCommand({
          RequestItems: { [arn]: [{ PutRequest: { Item: marshall({ pk: 'batch' }) } }] },
        }),
      ),
  },
  {
    name: 'DescribeTable',
    send: async ({ client }, arn, name) =>
      expect(
        (await client.send(new DescribeTableCommand({ TableName: arn }))).Table?.TableName,
      ).toBe(name),
  },
  {
    name: 'UpdateTable',
    send: ({ client }, arn) =>
      client.send(new UpdateTableCommand({ TableName: arn, DeletionProtectionEnabled: false })),
  },
  {
    name: 'DescribeTimeToLive',
    send: ({ client }, arn) => client.send(new DescribeTimeToLiveCommand({ TableName: arn })),
  },
  {
    name: 'TransactWriteItems',
    send: ({ client }, arn) =>
      client.send(
        new TransactWriteItemsCommand({
          TransactItems: [{ Put: { TableName: arn, Item: marshall({ pk: 'transact' }) } }],
        }),
      ),
    local:
      'DynamoDB Local 3.3.0 answers ResourceNotFoundException; the service takes an ARN in each action (API_Put.html#DDB-Type-Put-TableName)',
  },
  {
    name: 'TransactGetItems',
    send: ({ client }, arn) =>
      client.send(
        new TransactGetItemsCommand({
          TransactItems: [{ Get: { TableName: arn, Key: marshall({ pk: 'seed' }) } }],
        }),
      ),
    local:
      'DynamoDB Local 3.3.0 answers ResourceNotFoundException; the service takes an ARN in each Get (API_Get.html#DDB-Type-Get-TableName)',
  },
]

/** The deletion protection, stream, ARN and DescribeLimits cases, on whichever DynamoDB `target()` returns (the emulator or DynamoDB Local). */
export function tableSettingsSuite(target: () => Target): void {
  test('a table is described without deletion protection unless asked for', async () => {
    const table = await createTable(target().client, 'settings')
    const { Table } = await target().client.send(new DescribeTableCommand({ TableName: table }))
    expect(Table?.DeletionProtectionEnabled).toBe(false)
  })

  test('DeleteTable of a protected table is refused until UpdateTable lifts the protection', async () => {
    const { client } = target()
    const table = await createTable(client, 'settings', { DeletionProtectionEnabled: true })
    expect(
      (await client.send(new DescribeTableCommand({ TableName: table }))).Table
        ?.DeletionProtectionEnabled,
    ).toBe(true)
    const refused = await outcomeOf(client.send(new DeleteTableCommand({ TableName: table })))
    expect(refused).toMatchObject({ result: 'ValidationException', message: protectedMessage })
    await client.send(
      new PutItemCommand({ TableName: table, Item: marshall({ pk: 'still-here' }) }),
    )

    const lifted = await client.send(
      new UpdateTableCommand({ TableName: table, DeletionProtectionEnabled: false }),
    )
    expect(lifted.TableDescription?.DeletionProtectionEnabled).toBe(false)
    await client.send(new DeleteTableCommand({ TableName: table }))
    const again = await client.send(
      new UpdateTableCommand({
        TableName: await createTable(client, 'settings'),
        DeletionProtectionEnabled: true,
      }),
    )
    expect(again.TableDescription?.DeletionProtectionEnabled).toBe(true)
  })

  test('a stream specification is stored and described with the latest stream, and changed by UpdateTable', async () => {
    const { client } = target()
    const table = await createTable(client, 'settings', {
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    })
    const { Table: created } = await client.send(new DescribeTableCommand({ TableName: table }))
    expect(created?.StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    })
    expect(created?.LatestStreamLabel).toMatch(streamLabel)
    expect(created?.LatestStreamArn).toBe(
      `${created?.TableArn}/stream/${created?.LatestStreamLabel}`,
    )

    const { TableDescription: off } = await client.send(
      new UpdateTableCommand({
        TableName: table,
        StreamSpecification: { StreamEnabled: false },
      }),
    )
    expect(off?.StreamSpecification).toBeUndefined()
    expect(off?.LatestStreamArn).toBe(created?.LatestStreamArn)

    const { TableDescription: on } = await client.send(
      new UpdateTableCommand({
        TableName: table,
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
      }),
    )
    expect(on?.StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: 'KEYS_ONLY',
    })
    expect(on?.LatestStreamArn).toBe(`${on?.TableArn}/stream/${on?.LatestStreamLabel}`)
  })

  test('a table created with a disabled stream has none', async () => {
    const table = await createTable(target().client, 'settings', {
      StreamSpecification: { StreamEnabled: false },
    })
    const { Table } = await target().client.send(new DescribeTableCommand({ TableName: table }))
    expect(Table?.StreamSpecification).toBeUndefined()
    expect(Table?.LatestStreamArn).toBeUndefined()
  })

  test.each(streamRefusals)(
    'UpdateTable refuses $name',
    async ({ start: initial, request, message }) => {
      const table = await createTable(
        target().client,
        'settings',
        initial === 'on'
          ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } }
          : {},
      )
      const outcome = await outcomeOf(target().client.send(new UpdateTableCommand(request(table))))
      expect(outcome.result).toBe('ValidationException')
      expect(outcome.message).toMatch(message)
    },
  )

  test('deletion protection and an index change in one UpdateTable both apply', async () => {
    const { client } = target()
    const table = await createTable(client, 'settings')
    const { TableDescription } = await client.send(
      new UpdateTableCommand({
        TableName: table,
        DeletionProtectionEnabled: true,
        AttributeDefinitions: [{ AttributeName: 'g', AttributeType: 'S' }],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: 'byG',
              KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }],
              Projection: { ProjectionType: 'ALL' },
            },
          },
        ],
      }),
    )
    expect(TableDescription?.DeletionProtectionEnabled).toBe(true)
    expect(TableDescription?.GlobalSecondaryIndexes?.[0]?.IndexName).toBe('byG')
  })

  test('DescribeLimits answers the default quotas', async () => {
    const limits = await target().client.send(new DescribeLimitsCommand({}))
    expect(limits).toMatchObject({
      AccountMaxReadCapacityUnits: 80_000,
      AccountMaxWriteCapacityUnits: 80_000,
      TableMaxReadCapacityUnits: 40_000,
      TableMaxWriteCapacityUnits: 40_000,
    })
  })

  describe('a table ARN works where a table name does', () => {
    let table: string
    let arn: string
    beforeAll(async () => {
      table = await createTable(target().client, 'arn')
      await target().client.send(
        new PutItemCommand({ TableName: table, Item: marshall({ pk: 'seed' }) }),
      )
      arn = (await target().client.send(new DescribeTableCommand({ TableName: table }))).Table
        ?.TableArn as string
    })

    test.each(arnOperations)('$name', async ({ send, local }) => {
      const outcome = await outcomeOf(Promise.resolve(send(target(), arn, table)).then(() => ({})))
      if (target().name === 'DynamoDB Local' && local) {
        expect(outcome.result).toBe('ResourceNotFoundException')
      } else {
        expect(outcome.result, outcome.message).toBe('ok')
      }
    })

    test('the writes landed in the named table', async () => {
      const items = (await scanAll(target().client, table)).map((item) => item.pk)
      expect(items).toEqual(expect.arrayContaining(['batch', 'put', 'seed']))
    })

    test('CreateTable and DeleteTable by ARN', async () => {
      const newName = uniqueTableName('by-arn')
      const newArn = arn.replace(/table\/.*$/, `table/${newName}`)
      const created = await outcomeOf(
        target().client.send(
          new CreateTableCommand({
            TableName: newArn,
            AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
            KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
            BillingMode: 'PAY_PER_REQUEST',
          }),
        ),
      )
      if (target().name === 'DynamoDB Local') {
        // DynamoDB Local 3.3.0 refuses an ARN in CreateTable; the service takes one (API_CreateTable.html#DDB-CreateTable-request-TableName).
        expect(created.result).toBe('ValidationException')
        return
      }
      expect(created.result).toBe('ok')
      expect((created.response?.TableDescription as { TableName?: string })?.TableName).toBe(
        newName,
      )
      await target().client.send(new DeleteTableCommand({ TableName: newArn }))
      expect(
        (await outcomeOf(target().client.send(new DescribeTableCommand({ TableName: newName }))))
          .result,
      ).toBe('ResourceNotFoundException')
    })

    test('a malformed ARN is refused, saying what an ARN looks like', async () => {
      const outcome = await outcomeOf(
        target().client.send(
          new GetItemCommand({
            TableName: arn.replace(':table/', ':tablex/'),
            Key: marshall({ pk: 'seed' }),
          }),
        ),
      )
      expect(outcome.result).toBe('ValidationException')
      expect(outcome.message).toMatch(
        /^Valid ARN format is 'arn:<awsPartition>:<vendor>:<region>:<subscriber>:resourceType\/resourceName'/,
      )
    })
  })
}
