import { type FidelityCase, index, ok, table, validation } from '../support/fidelity-case.js'

const indexed = () =>
  table({
    sortKey: 'S',
    attributes: { gpk: 'S', gsk: 'S', lsk: 'S' },
    globalIndexes: [
      index('gsi1', 'gpk', 'gsk'),
      index('gsi2', 'gsk', undefined, { ProjectionType: 'KEYS_ONLY' }),
    ],
    localIndexes: [
      index('lsi1', 'pk', 'lsk', { ProjectionType: 'INCLUDE', NonKeyAttributes: ['v'] }),
    ],
  })

const item = (extra: Record<string, unknown>) => ({ pk: { S: 'p' }, sk: { S: 's' }, ...extra })
const put = (extra: Record<string, unknown>, more = {}) => ({
  TableName: '$T',
  Item: item(extra),
  ...more,
})
const emptyIndexKey = (indexName: string, attribute: string) =>
  validation(
    `One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: ${indexName}, IndexKey: ${attribute}`,
  )
// DynamoDB Local 3.3 stops after "Size limit exceeded"; the service goes on to name the key, its
// size and the index (dynalite issue #35, wellcomecollection/platform#2285), and so does the emulator.
const indexKeyTooBig = (attribute: string, bytes: number, max: number, indexName: string) => ({
  expect: validation(
    `One or more parameter values were invalid: Size limit exceeded for Index Key ${attribute} Actual Size: ${bytes} bytes Max Size: ${max} bytes IndexName: ${indexName}`,
  ),
  local: {
    expect: validation('One or more parameter values were invalid: Size limit exceeded'),
    why: 'DynamoDB Local leaves out the key, size and index the service names (dynalite issue #35, wellcomecollection/platform#2285)',
  },
})
// The service's words for table keys (ExtendDB/extenddb#194, captured with the AWS CLI; dynalite's too).
const tableKeyLocal = {
  expect: validation(
    'Hash primary key values must be under 2048 bytes, and range primary key values must be under 1024 bytes',
  ),
  why: "DynamoDB Local's own wording; the service's is quoted in ExtendDB/extenddb#194",
}
const hashKeyTooBig = validation(
  'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes',
)
const rangeKeyTooBig = validation(
  'One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes',
)
const scanCount = (count: number) => ({
  op: 'Scan' as const,
  input: { TableName: '$T', Select: 'COUNT' },
  expect: ok({ Count: count }),
})

/** Key size limits in UTF-8 bytes, on table keys and on secondary index keys alike. */
export const keySizeCases: FidelityCase[] = [
  {
    name: 'table keys count UTF-8 bytes, not characters',
    tables: { $T: table({ sortKey: 'S' }) },
    steps: [
      {
        op: 'PutItem',
        input: put({ pk: { S: 'é'.repeat(1025) } }),
        expect: hashKeyTooBig,
        local: tableKeyLocal,
      },
      {
        op: 'PutItem',
        input: put({ sk: { S: '😀'.repeat(257) } }),
        expect: rangeKeyTooBig,
        local: tableKeyLocal,
      },
      {
        op: 'PutItem',
        input: put({ pk: { S: 'é'.repeat(1024) }, sk: { S: '😀'.repeat(256) } }),
        expect: ok(),
      },
      {
        op: 'GetItem',
        input: {
          TableName: '$T',
          Key: { pk: { S: 'é'.repeat(1024) }, sk: { S: '😀'.repeat(256) } },
        },
        expect: ok({ Item: item({ pk: { S: 'é'.repeat(1024) }, sk: { S: '😀'.repeat(256) } }) }),
      },
      scanCount(1),
    ],
  },
  {
    name: 'secondary index keys over their size limits are refused, and nothing is stored',
    tables: { $T: indexed() },
    steps: [
      {
        op: 'PutItem',
        input: put({ gpk: { S: 'x'.repeat(2049) }, gsk: { S: 'a' } }),
        ...indexKeyTooBig('gpk', 2049, 2048, 'gsi1'),
      },
      {
        op: 'PutItem',
        input: put({ gpk: { S: 'a' }, gsk: { S: 'x'.repeat(1025) } }),
        ...indexKeyTooBig('gsk', 1025, 1024, 'gsi1'),
      },
      // A 1,100-character email as the sort key of the Auth.js GSI1: signed up on the emulator, failed on AWS.
      {
        op: 'PutItem',
        input: put({ gpk: { S: 'USER#a' }, gsk: { S: `USER#${'a'.repeat(1088)}@example.com` } }),
        ...indexKeyTooBig('gsk', 1105, 1024, 'gsi1'),
      },
      {
        op: 'PutItem',
        input: put({ lsk: { S: 'é'.repeat(513) } }),
        ...indexKeyTooBig('lsk', 1026, 1024, 'lsi1'),
      },
      {
        op: 'PutItem',
        input: put(
          { gsk: { S: 'x'.repeat(1025) } },
          { ConditionExpression: 'attribute_exists(pk)' },
        ),
        ...indexKeyTooBig('gsk', 1025, 1024, 'gsi1'),
      },
      {
        op: 'BatchWriteItem',
        input: {
          RequestItems: {
            $T: [{ PutRequest: { Item: item({ sk: { S: 'b' }, gsk: { S: 'x'.repeat(1025) } }) } }],
          },
        },
        ...indexKeyTooBig('gsk', 1025, 1024, 'gsi1'),
      },
      scanCount(0),
      {
        op: 'PutItem',
        input: put({ gpk: { S: 'x'.repeat(2048) }, gsk: { S: 'y'.repeat(1024) } }),
        expect: ok(),
      },
      scanCount(1),
    ],
  },
  {
    name: 'an empty string as a secondary index key is refused',
    tables: { $T: indexed() },
    steps: [
      {
        op: 'PutItem',
        input: put({ gpk: { S: '' }, gsk: { S: 'a' } }),
        expect: emptyIndexKey('gsi1', 'gpk'),
      },
      {
        op: 'PutItem',
        input: put({ gpk: { S: 'a' }, gsk: { S: '' } }),
        expect: emptyIndexKey('gsi1', 'gsk'),
      },
      { op: 'PutItem', input: put({ lsk: { S: '' } }), expect: emptyIndexKey('lsi1', 'lsk') },
      {
        op: 'BatchWriteItem',
        input: { RequestItems: { $T: [{ PutRequest: { Item: item({ gsk: { S: '' } }) } }] } },
        expect: emptyIndexKey('gsi1', 'gsk'),
      },
      scanCount(0),
    ],
  },
  {
    name: 'an update that leaves an index key empty or too long is refused, and the item stays',
    tables: { $T: { ...indexed(), items: [item({ gpk: { S: 'g' }, gsk: { S: 'x' } })] } },
    steps: [
      {
        op: 'UpdateItem',
        input: {
          TableName: '$T',
          Key: item({}),
          UpdateExpression: 'SET gsk = :v',
          ExpressionAttributeValues: { ':v': { S: 'x'.repeat(1025) } },
        },
        ...indexKeyTooBig('gsk', 1025, 1024, 'gsi1'),
      },
      {
        op: 'UpdateItem',
        input: {
          TableName: '$T',
          Key: item({}),
          UpdateExpression: 'SET gpk = :v',
          ExpressionAttributeValues: { ':v': { S: '' } },
        },
        expect: validation(
          'One or more parameter values are not valid. The update expression attempted to update a secondary index key to a value that is not supported. The AttributeValue for a key attribute cannot contain an empty string value.',
        ),
      },
      {
        op: 'UpdateItem',
        input: {
          TableName: '$T',
          Key: item({}),
          AttributeUpdates: { gsk: { Action: 'PUT', Value: { S: '' } } },
        },
        expect: emptyIndexKey('gsi1', 'gsk'),
      },
      {
        op: 'UpdateItem',
        input: {
          TableName: '$T',
          Key: item({}),
          AttributeUpdates: { gsk: { Action: 'PUT', Value: { S: 'x'.repeat(1025) } } },
        },
        ...indexKeyTooBig('gsk', 1025, 1024, 'gsi1'),
      },
      {
        op: 'GetItem',
        input: { TableName: '$T', Key: item({}) },
        expect: ok({ Item: item({ gpk: { S: 'g' }, gsk: { S: 'x' } }) }),
      },
      {
        op: 'Query',
        input: {
          TableName: '$T',
          IndexName: 'gsi1',
          KeyConditionExpression: 'gpk = :g',
          ExpressionAttributeValues: { ':g': { S: 'g' } },
        },
        expect: ok({ Items: [item({ gpk: { S: 'g' }, gsk: { S: 'x' } })] }),
      },
    ],
  },
]
