import type { CorpusArea, DiffCase } from '../src/diff-case.js'

const hashKey = {
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
}
const hashRange = {
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'N' },
  ],
}
const onDemand = { BillingMode: 'PAY_PER_REQUEST' }
const gsi = (name: string, key = 'g') => ({
  IndexName: name,
  KeySchema: [{ AttributeName: key, KeyType: 'HASH' }],
  Projection: { ProjectionType: 'ALL' },
})

/** CreateTable, then DescribeTable when it succeeds. */
function create(
  id: string,
  title: string,
  input: Record<string, unknown>,
  expect = 'ok',
): DiffCase {
  return {
    id,
    title,
    names: ['T'],
    steps: [
      { op: 'CreateTable', body: { TableName: '$T', ...input }, expect },
      ...(expect === 'ok'
        ? [{ wait: 'T' }, { op: 'DescribeTable', body: { TableName: '$T' } }]
        : [
            { op: 'DescribeTable', body: { TableName: '$T' }, expect: 'ResourceNotFoundException' },
          ]),
    ],
  }
}

export const createTable: CorpusArea = {
  area: 'create-table',
  scope: 'control-plane',
  sequential:
    'DynamoDB Local answers InternalFailure (500) or LimitExceededException to index changes that overlap other table operations, so these cases take turns',
  cases: [
    create('hash-key', 'an on-demand table keyed by a partition key', { ...hashKey, ...onDemand }),
    create('hash-range-key', 'a table with a number sort key', { ...hashRange, ...onDemand }),
    create('provisioned', 'a provisioned table', {
      ...hashKey,
      ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 4 },
    }),
    create('binary-key', 'a binary partition key', {
      KeySchema: hashKey.KeySchema,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'B' }],
      ...onDemand,
    }),
    create('global-and-local-indexes', 'a table with a global and a local index', {
      ...hashRange,
      AttributeDefinitions: [
        ...hashRange.AttributeDefinitions,
        { AttributeName: 'g', AttributeType: 'S' },
        { AttributeName: 'l', AttributeType: 'S' },
      ],
      GlobalSecondaryIndexes: [
        { ...gsi('byG'), Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['z', 'a'] } },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: 'byL',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'l', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
      ...onDemand,
    }),
    create('provisioned-gsi', 'a provisioned table with a provisioned global index', {
      ...hashKey,
      AttributeDefinitions: [
        ...hashKey.AttributeDefinitions,
        { AttributeName: 'g', AttributeType: 'S' },
      ],
      GlobalSecondaryIndexes: [
        { ...gsi('byG'), ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 } },
      ],
      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
    }),
    create('stream-specification', 'StreamSpecification is described with a LatestStreamArn', {
      ...hashKey,
      ...onDemand,
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
    create('deletion-protection', 'DeletionProtectionEnabled is described', {
      ...hashKey,
      ...onDemand,
      DeletionProtectionEnabled: true,
    }),
    create('tags', 'Tags given at creation are accepted', {
      ...hashKey,
      ...onDemand,
      Tags: [{ Key: 'team', Value: 'auth' }],
    }),
    create('table-class', 'TableClass STANDARD_INFREQUENT_ACCESS is accepted', {
      ...hashKey,
      ...onDemand,
      TableClass: 'STANDARD_INFREQUENT_ACCESS',
    }),
    create(
      'stream-without-view-type-refused',
      'a stream without a StreamViewType is refused',
      { ...hashKey, ...onDemand, StreamSpecification: { StreamEnabled: true } },
      'ValidationException',
    ),
    {
      ...create(
        'on-demand-with-throughput',
        'PAY_PER_REQUEST with ProvisionedThroughput: DynamoDB Local accepts it',
        {
          ...hashKey,
          ...onDemand,
          ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
        },
      ),
      serviceDiffers: {
        service:
          'ValidationException: ProvisionedThroughput may not be given with BillingMode PAY_PER_REQUEST',
        source:
          'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html#DDB-CreateTable-request-ProvisionedThroughput',
      },
    },
    create(
      'provisioned-without-throughput-refused',
      'PROVISIONED without ProvisionedThroughput is refused',
      { ...hashKey, BillingMode: 'PROVISIONED' },
      'ValidationException',
    ),
    create(
      'zero-throughput-refused',
      'a ReadCapacityUnits of 0 is refused',
      { ...hashKey, ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 1 } },
      'ValidationException',
    ),
    create(
      'missing-key-definition-refused',
      'a key attribute without an AttributeDefinition is refused',
      {
        KeySchema: hashKey.KeySchema,
        AttributeDefinitions: [{ AttributeName: 'other', AttributeType: 'S' }],
        ...onDemand,
      },
      'ValidationException',
    ),
    create(
      'unused-definition-refused',
      'an AttributeDefinition no key uses is refused',
      {
        ...hashKey,
        AttributeDefinitions: [
          ...hashKey.AttributeDefinitions,
          { AttributeName: 'spare', AttributeType: 'S' },
        ],
        ...onDemand,
      },
      'ValidationException',
    ),
    create(
      'bool-key-type-refused',
      'a key AttributeType other than S, N or B is refused',
      {
        KeySchema: hashKey.KeySchema,
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'BOOL' }],
        ...onDemand,
      },
      'ValidationException',
    ),
    create(
      'two-hash-keys-refused',
      'a KeySchema with two HASH keys is refused',
      {
        KeySchema: [
          { AttributeName: 'a', KeyType: 'HASH' },
          { AttributeName: 'b', KeyType: 'HASH' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'a', AttributeType: 'S' },
          { AttributeName: 'b', AttributeType: 'S' },
        ],
        ...onDemand,
      },
      'ValidationException',
    ),
    create(
      'range-key-first-refused',
      'a KeySchema starting with the RANGE key is refused',
      {
        KeySchema: [...hashRange.KeySchema].reverse(),
        AttributeDefinitions: hashRange.AttributeDefinitions,
        ...onDemand,
      },
      'ValidationException',
    ),
    create(
      'local-index-without-sort-key-refused',
      'a local index on a table without a sort key is refused',
      {
        ...hashKey,
        AttributeDefinitions: [
          ...hashKey.AttributeDefinitions,
          { AttributeName: 'l', AttributeType: 'S' },
        ],
        LocalSecondaryIndexes: [
          {
            IndexName: 'byL',
            KeySchema: [
              { AttributeName: 'pk', KeyType: 'HASH' },
              { AttributeName: 'l', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        ...onDemand,
      },
      'ValidationException',
    ),
    create(
      'duplicate-index-names-refused',
      'two global indexes of one name are refused',
      {
        ...hashKey,
        AttributeDefinitions: [
          ...hashKey.AttributeDefinitions,
          { AttributeName: 'g', AttributeType: 'S' },
        ],
        GlobalSecondaryIndexes: [gsi('same'), gsi('same')],
        ...onDemand,
      },
      'ValidationException',
    ),
    create(
      'six-local-indexes-refused',
      'more than five local indexes are refused',
      {
        ...hashRange,
        AttributeDefinitions: [
          ...hashRange.AttributeDefinitions,
          ...Array.from({ length: 6 }, (_, i) => ({ AttributeName: `l${i}`, AttributeType: 'S' })),
        ],
        LocalSecondaryIndexes: Array.from({ length: 6 }, (_, i) => ({
          IndexName: `lsi${i}`,
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: `l${i}`, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        })),
        ...onDemand,
      },
      'ValidationException',
    ),
    create(
      'include-without-attributes-refused',
      'an INCLUDE projection without NonKeyAttributes is refused',
      {
        ...hashKey,
        AttributeDefinitions: [
          ...hashKey.AttributeDefinitions,
          { AttributeName: 'g', AttributeType: 'S' },
        ],
        GlobalSecondaryIndexes: [{ ...gsi('byG'), Projection: { ProjectionType: 'INCLUDE' } }],
        ...onDemand,
      },
      'ValidationException',
    ),
    create(
      'keys-only-with-attributes-refused',
      'a KEYS_ONLY projection with NonKeyAttributes is refused',
      {
        ...hashKey,
        AttributeDefinitions: [
          ...hashKey.AttributeDefinitions,
          { AttributeName: 'g', AttributeType: 'S' },
        ],
        GlobalSecondaryIndexes: [
          { ...gsi('byG'), Projection: { ProjectionType: 'KEYS_ONLY', NonKeyAttributes: ['x'] } },
        ],
        ...onDemand,
      },
      'ValidationException',
    ),
    create(
      'name-too-short-refused',
      'an index name of two characters is refused',
      {
        ...hashKey,
        AttributeDefinitions: [
          ...hashKey.AttributeDefinitions,
          { AttributeName: 'g', AttributeType: 'S' },
        ],
        GlobalSecondaryIndexes: [gsi('ab')],
        ...onDemand,
      },
      'ValidationException',
    ),
    {
      id: 'existing-name-refused',
      title: 'creating a table whose name is taken answers ResourceInUseException',
      tables: { T: { ...hashKey, ...onDemand } },
      steps: [
        {
          op: 'CreateTable',
          body: { TableName: '$T', ...hashKey, ...onDemand },
          expect: 'ResourceInUseException',
        },
      ],
    },
    {
      id: 'create-status-in-answer',
      title: 'the TableStatus in the CreateTable answer',
      names: ['T'],
      steps: [
        {
          op: 'CreateTable',
          body: { TableName: '$T', ...hashKey, ...onDemand },
          compare: { fields: ['TableDescription.TableStatus'] },
        },
      ],
      serviceDiffers: {
        service:
          'CreateTable answers CREATING and DeleteTable DELETING; DynamoDB Local answers ACTIVE at once',
        source:
          'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DynamoDBLocal.UsageNotes.html',
      },
    },
  ],
}
