import type { CorpusArea, Item, Step, TableSpec } from '../src/diff-case.js'
import { hashTable, provisionedHashTable } from './tables.js'

const withG = (spec: TableSpec): TableSpec => ({
  ...spec,
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
})
const items: Item[] = [
  { pk: { S: 'a' }, g: { S: 'x' }, v: { N: '1' } },
  { pk: { S: 'b' }, g: { S: 'x' }, v: { N: '2' } },
  { pk: { S: 'c' }, g: { S: 'y' } },
  { pk: { S: 'd' }, v: { N: '4' } },
  { pk: { S: 'e' }, g: { N: '5' } },
]
const createIndex = (extra: Record<string, unknown> = {}) => ({
  Create: {
    IndexName: 'byG',
    KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }],
    Projection: { ProjectionType: 'ALL' },
    ...extra,
  },
})
const addIndex = (extra: Record<string, unknown> = {}, expect = 'ok'): Step => ({
  op: 'UpdateTable',
  body: {
    TableName: '$T',
    AttributeDefinitions: [{ AttributeName: 'g', AttributeType: 'S' }],
    GlobalSecondaryIndexUpdates: [createIndex(extra)],
  },
  expect,
})
const queryIndex = (expect = 'ok'): Step => ({
  op: 'Query',
  body: {
    TableName: '$T',
    IndexName: 'byG',
    KeyConditionExpression: 'g = :g',
    ExpressionAttributeValues: { ':g': { S: 'x' } },
  },
  expect,
})
const describe: Step = { op: 'DescribeTable', body: { TableName: '$T' } }
const indexedSpec: TableSpec = {
  ...hashTable(),
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'g', AttributeType: 'S' },
  ],
  GlobalSecondaryIndexes: [createIndex().Create],
}

export const updateTable: CorpusArea = {
  area: 'update-table',
  scope: 'control-plane',
  sequential:
    'DynamoDB Local answers InternalFailure (500) or LimitExceededException to index changes that overlap other table operations, so these cases take turns',
  cases: [
    {
      id: 'gsi-create-on-demand-backfills',
      title: 'a global index added to an on-demand table holds the existing items',
      tables: { T: withG(hashTable()) },
      items: { T: items },
      steps: [addIndex(), { wait: 'T' }, queryIndex(), describe],
    },
    {
      id: 'gsi-create-provisioned-backfills',
      title: 'a global index added to a provisioned table holds the existing items',
      tables: { T: withG(provisionedHashTable()) },
      items: { T: items },
      steps: [
        addIndex({ ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }),
        { wait: 'T' },
        queryIndex(),
        describe,
      ],
    },
    {
      id: 'gsi-create-then-write',
      title: 'writes after a global index is added reach it',
      tables: { T: withG(hashTable()) },
      steps: [
        addIndex(),
        { wait: 'T' },
        { op: 'PutItem', body: { TableName: '$T', Item: { pk: { S: 'new' }, g: { S: 'x' } } } },
        queryIndex(),
      ],
    },
    {
      id: 'gsi-create-provisioned-without-throughput',
      title:
        'a global index on a provisioned table without its ProvisionedThroughput: DynamoDB Local fails',
      tables: { T: withG(provisionedHashTable()) },
      steps: [addIndex({}, 'InternalFailure')],
      serviceDiffers: {
        service:
          '400 ValidationException: the index of a provisioned table needs its ProvisionedThroughput',
        source:
          'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateGlobalSecondaryIndexAction.html',
      },
    },
    {
      id: 'gsi-create-answer-status',
      title: 'the index status in the UpdateTable answer',
      tables: { T: withG(hashTable()) },
      steps: [
        {
          ...addIndex(),
          compare: { fields: ['TableDescription.GlobalSecondaryIndexes'] },
        },
        { wait: 'T' },
      ],
    },
    {
      id: 'gsi-create-without-definition-refused',
      title: 'a global index on an attribute without an AttributeDefinition is refused',
      tables: { T: withG(hashTable()) },
      steps: [
        {
          op: 'UpdateTable',
          body: { TableName: '$T', GlobalSecondaryIndexUpdates: [createIndex()] },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'gsi-create-existing-name-refused',
      title: 'a global index of a name already taken is refused',
      tables: { T: indexedSpec },
      steps: [addIndex({}, 'ValidationException')],
    },
    {
      id: 'gsi-delete',
      title: 'a deleted global index can no longer be queried',
      tables: { T: indexedSpec },
      items: { T: items.slice(0, 3) },
      steps: [
        queryIndex(),
        {
          op: 'UpdateTable',
          body: {
            TableName: '$T',
            GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'byG' } }],
          },
        },
        { wait: 'T' },
        queryIndex('ValidationException'),
        describe,
      ],
    },
    {
      id: 'gsi-delete-missing-refused',
      title: 'deleting a global index that does not exist',
      tables: { T: withG(hashTable()) },
      steps: [
        {
          op: 'UpdateTable',
          body: {
            TableName: '$T',
            GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'nothere' } }],
          },
          expect: 'ResourceNotFoundException',
        },
      ],
    },
    {
      id: 'gsi-two-creates-refused',
      title: 'two global index creations in one UpdateTable are refused (one at a time per table)',
      tables: { T: withG(hashTable()) },
      steps: [
        {
          op: 'UpdateTable',
          body: {
            TableName: '$T',
            AttributeDefinitions: [
              { AttributeName: 'g', AttributeType: 'S' },
              { AttributeName: 'h', AttributeType: 'S' },
            ],
            GlobalSecondaryIndexUpdates: [
              createIndex(),
              {
                Create: {
                  ...createIndex().Create,
                  IndexName: 'byH',
                  KeySchema: [{ AttributeName: 'h', KeyType: 'HASH' }],
                },
              },
            ],
          },
          expect: 'LimitExceededException',
        },
      ],
    },
    {
      id: 'deletion-protection-enforced',
      title: 'DeleteTable of a protected table is refused until protection is turned off',
      tables: { T: { ...hashTable(), DeletionProtectionEnabled: true } },
      steps: [
        { op: 'DeleteTable', body: { TableName: '$T' }, expect: 'ValidationException' },
        describe,
        { op: 'UpdateTable', body: { TableName: '$T', DeletionProtectionEnabled: false } },
        { op: 'DeleteTable', body: { TableName: '$T' } },
        { op: 'DescribeTable', body: { TableName: '$T' }, expect: 'ResourceNotFoundException' },
      ],
    },
    {
      id: 'deletion-protection-turned-on',
      title: 'UpdateTable turns deletion protection on',
      tables: { T: hashTable() },
      steps: [
        { op: 'UpdateTable', body: { TableName: '$T', DeletionProtectionEnabled: true } },
        { op: 'DeleteTable', body: { TableName: '$T' }, expect: 'ValidationException' },
        describe,
      ],
    },
    {
      id: 'stream-enabled-by-update',
      title: 'UpdateTable enables a stream, described with its ARN',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'UpdateTable',
          body: {
            TableName: '$T',
            StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
          },
        },
        describe,
      ],
    },
    {
      id: 'stream-disabled-by-update',
      title: 'UpdateTable disables a stream',
      tables: {
        T: {
          ...hashTable(),
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
        },
      },
      steps: [
        {
          op: 'UpdateTable',
          body: { TableName: '$T', StreamSpecification: { StreamEnabled: false } },
        },
        describe,
      ],
    },
    {
      id: 'billing-mode-to-provisioned',
      title: 'an on-demand table switched to provisioned',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'UpdateTable',
          body: {
            TableName: '$T',
            BillingMode: 'PROVISIONED',
            ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 3 },
          },
        },
        { wait: 'T' },
        describe,
      ],
    },
    {
      id: 'throughput-change',
      title: 'a provisioned throughput change',
      tables: { T: provisionedHashTable() },
      steps: [
        {
          op: 'UpdateTable',
          body: {
            TableName: '$T',
            ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 6 },
          },
        },
        { wait: 'T' },
        describe,
      ],
    },
    {
      id: 'nothing-to-update-refused',
      title: 'an UpdateTable that changes nothing is refused',
      tables: { T: hashTable() },
      steps: [{ op: 'UpdateTable', body: { TableName: '$T' }, expect: 'ValidationException' }],
    },
    {
      id: 'missing-table',
      title: 'UpdateTable of a table that does not exist',
      steps: [
        {
          op: 'UpdateTable',
          body: { TableName: 'no-such-table-differential', DeletionProtectionEnabled: true },
          expect: 'ResourceNotFoundException',
        },
      ],
    },
  ],
}
