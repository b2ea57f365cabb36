import type { CorpusArea, DiffCase, Item } from '../src/diff-case.js'
import { hashRangeTable, indexedTable } from './tables.js'

const strings = ['a', 'ab', 'abc', 'b', 'B', 'ba', 'c', '0', '10', '9'].map((sk) => ({
  pk: { S: 'p' },
  sk: { S: sk },
  v: { S: `v-${sk}` },
}))
const numbers = ['-10', '-1.5', '0', '2', '10', '100', '3.14'].map((sk) => ({
  pk: { S: 'p' },
  sk: { N: sk },
}))
const binaries = ['AA==', 'AAE=', 'AQ==', '/w==', 'gA=='].map((sk) => ({
  pk: { S: 'p' },
  sk: { B: sk },
}))

/** A Query on partition `p` of the string-keyed table. */
function query(
  id: string,
  title: string,
  request: Record<string, unknown>,
  expect = 'ok',
  table: 'strings' | 'numbers' | 'binaries' = 'strings',
): DiffCase {
  const skType = table === 'strings' ? 'S' : table === 'numbers' ? 'N' : 'B'
  const items = table === 'strings' ? strings : table === 'numbers' ? numbers : binaries
  const condition = (request.KeyConditionExpression as string | undefined) ?? 'pk = :p'
  return {
    id,
    title,
    tables: { T: hashRangeTable('S', skType) },
    items: { T: items },
    steps: [
      {
        op: 'Query',
        body: {
          TableName: '$T',
          KeyConditionExpression: 'pk = :p',
          ...request,
          ExpressionAttributeValues: {
            // Only when used: an unused value is refused before the condition is looked at.
            ...(condition.includes(':p') ? { ':p': { S: 'p' } } : {}),
            ...(request.ExpressionAttributeValues as Record<string, unknown> | undefined),
          },
        },
        expect,
      },
    ],
  }
}

const indexed: Item[] = [
  {
    pk: { S: 'p1' },
    sk: { S: 's1' },
    gpk: { S: 'g' },
    gsk: { S: 'b' },
    lsk: { S: 'z' },
    v: { N: '1' },
    w: { N: '1' },
  },
  {
    pk: { S: 'p1' },
    sk: { S: 's2' },
    gpk: { S: 'g' },
    gsk: { S: 'a' },
    lsk: { S: 'y' },
    v: { N: '2' },
    w: { N: '2' },
  },
  { pk: { S: 'p2' }, sk: { S: 's1' }, gpk: { S: 'g' }, gsk: { S: 'c' }, v: { N: '3' } },
  { pk: { S: 'p2' }, sk: { S: 's2' }, v: { N: '4' } },
]

/** A Query on the global or local index of the indexed table. */
function indexQuery(
  id: string,
  title: string,
  request: Record<string, unknown>,
  expect = 'ok',
  projection: Record<string, unknown> = { ProjectionType: 'ALL' },
): DiffCase {
  return {
    id,
    title,
    tables: { T: indexedTable(projection) },
    items: { T: indexed },
    steps: [{ op: 'Query', body: { TableName: '$T', ...request }, expect }],
  }
}

const gsi = {
  IndexName: 'gsi1',
  KeyConditionExpression: 'gpk = :g',
  ExpressionAttributeValues: { ':g': { S: 'g' } },
}
const lsi = {
  IndexName: 'lsi1',
  KeyConditionExpression: 'pk = :p',
  ExpressionAttributeValues: { ':p': { S: 'p1' } },
}

export const queryKeyConditions: CorpusArea = {
  area: 'query-key-conditions',
  scope: 'item-api',
  cases: [
    query(
      'partition-only',
      'a partition key condition returns the partition in sort key order',
      {},
    ),
    query('descending', 'ScanIndexForward false reverses the order', { ScanIndexForward: false }),
    query('sort-equals', 'sort key =', {
      KeyConditionExpression: 'pk = :p AND sk = :s',
      ExpressionAttributeValues: { ':s': { S: 'ab' } },
    }),
    query('sort-less-than', 'sort key <', {
      KeyConditionExpression: 'pk = :p AND sk < :s',
      ExpressionAttributeValues: { ':s': { S: 'ab' } },
    }),
    query('sort-less-equal', 'sort key <=', {
      KeyConditionExpression: 'pk = :p AND sk <= :s',
      ExpressionAttributeValues: { ':s': { S: 'ab' } },
    }),
    query('sort-greater-than', 'sort key >', {
      KeyConditionExpression: 'pk = :p AND sk > :s',
      ExpressionAttributeValues: { ':s': { S: 'b' } },
    }),
    query('sort-greater-equal', 'sort key >=', {
      KeyConditionExpression: 'pk = :p AND sk >= :s',
      ExpressionAttributeValues: { ':s': { S: 'b' } },
    }),
    query('sort-between', 'sort key BETWEEN is inclusive', {
      KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi',
      ExpressionAttributeValues: { ':lo': { S: 'ab' }, ':hi': { S: 'b' } },
    }),
    query('sort-begins-with', 'sort key begins_with', {
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':s': { S: 'a' } },
    }),
    query(
      'uppercase-before-lowercase',
      'strings order by bytes: uppercase before lowercase, digits first',
      {
        KeyConditionExpression: 'pk = :p AND sk < :s',
        ExpressionAttributeValues: { ':s': { S: 'a' } },
      },
    ),
    query('numbers-order-numerically', 'number sort keys order by value', {}, 'ok', 'numbers'),
    query(
      'numbers-between',
      'number BETWEEN',
      {
        KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi',
        ExpressionAttributeValues: { ':lo': { N: '-2' }, ':hi': { N: '3.14' } },
      },
      'ok',
      'numbers',
    ),
    query(
      'numbers-descending',
      'number sort keys in descending order',
      { ScanIndexForward: false },
      'ok',
      'numbers',
    ),
    query(
      'binary-order-unsigned',
      'binary sort keys order by unsigned bytes',
      {},
      'ok',
      'binaries',
    ),
    query(
      'binary-begins-with',
      'begins_with on a binary sort key',
      {
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
        ExpressionAttributeValues: { ':s': { B: 'AA==' } },
      },
      'ok',
      'binaries',
    ),
    query(
      'begins-with-number-refused',
      'begins_with on a number sort key is refused',
      {
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
        ExpressionAttributeValues: { ':s': { N: '1' } },
      },
      'ValidationException',
      'numbers',
    ),
    query('limit', 'Limit stops early with a LastEvaluatedKey', { Limit: 3 }),
    query('limit-exact-end', 'Limit equal to the partition size still returns a LastEvaluatedKey', {
      Limit: 10,
    }),
    query('exclusive-start-key', 'ExclusiveStartKey continues after that key', {
      ExclusiveStartKey: { pk: { S: 'p' }, sk: { S: 'abc' } },
    }),
    query('exclusive-start-key-descending', 'ExclusiveStartKey going backwards', {
      ExclusiveStartKey: { pk: { S: 'p' }, sk: { S: 'abc' } },
      ScanIndexForward: false,
    }),
    {
      id: 'paginate-limit-2',
      title: 'pages of two through the partition, following LastEvaluatedKey',
      tables: { T: hashRangeTable() },
      items: { T: strings },
      steps: [
        {
          op: 'Query',
          body: {
            TableName: '$T',
            KeyConditionExpression: 'pk = :p',
            ExpressionAttributeValues: { ':p': { S: 'p' } },
            Limit: 2,
          },
          compare: { paginate: true },
        },
      ],
    },
    query('select-count', 'Select COUNT returns counts and no items', { Select: 'COUNT' }),
    query('projection', 'ProjectionExpression on a Query', { ProjectionExpression: 'sk' }),
    query(
      'missing-partition-condition-refused',
      'a key condition without the partition key is refused',
      { KeyConditionExpression: 'sk = :s', ExpressionAttributeValues: { ':s': { S: 'a' } } },
      'ValidationException',
    ),
    query(
      'non-key-attribute-refused',
      'a key condition on a non-key attribute is refused',
      {
        KeyConditionExpression: 'pk = :p AND v = :s',
        ExpressionAttributeValues: { ':s': { S: 'a' } },
      },
      'ValidationException',
    ),
    query(
      'or-refused',
      'OR in a key condition is refused',
      {
        KeyConditionExpression: 'pk = :p OR sk = :s',
        ExpressionAttributeValues: { ':s': { S: 'a' } },
      },
      'ValidationException',
    ),
    query(
      'two-sort-conditions-refused',
      'two conditions on the sort key are refused',
      {
        KeyConditionExpression: 'pk = :p AND sk > :s AND sk < :s',
        ExpressionAttributeValues: { ':s': { S: 'a' } },
      },
      'ValidationException',
    ),
    query(
      'partition-not-equals-refused',
      'a partition key condition other than = is refused',
      { KeyConditionExpression: 'pk > :p' },
      'ValidationException',
    ),
    query(
      'between-reversed-refused',
      'BETWEEN with the bounds reversed is refused',
      {
        KeyConditionExpression: 'pk = :p AND sk BETWEEN :hi AND :lo',
        ExpressionAttributeValues: { ':lo': { S: 'a' }, ':hi': { S: 'b' } },
      },
      'ValidationException',
    ),
    query(
      'wrong-type-value-refused',
      'a key condition value of the wrong type is refused',
      {
        KeyConditionExpression: 'pk = :p AND sk = :s',
        ExpressionAttributeValues: { ':s': { N: '1' } },
      },
      'ValidationException',
    ),
    query('limit-zero-refused', 'Limit 0 is refused', { Limit: 0 }, 'ValidationException'),
    query(
      'select-specific-without-projection-refused',
      'Select SPECIFIC_ATTRIBUTES without a projection is refused',
      { Select: 'SPECIFIC_ATTRIBUTES' },
      'ValidationException',
    ),
    query(
      'select-all-with-projection-refused',
      'Select ALL_ATTRIBUTES with a ProjectionExpression is refused',
      { Select: 'ALL_ATTRIBUTES', ProjectionExpression: 'sk' },
      'ValidationException',
    ),
    query(
      'select-count-with-projection-refused',
      'Select COUNT with a ProjectionExpression is refused',
      { Select: 'COUNT', ProjectionExpression: 'sk' },
      'ValidationException',
    ),
    query(
      'select-all-projected-on-table-refused',
      'Select ALL_PROJECTED_ATTRIBUTES without an index is refused',
      { Select: 'ALL_PROJECTED_ATTRIBUTES' },
      'ValidationException',
    ),
    query(
      'missing-index-refused',
      'a Query of an index that does not exist is refused',
      { IndexName: 'nothere' },
      'ValidationException',
    ),
    {
      id: 'legacy-key-conditions',
      title: 'the legacy KeyConditions parameter',
      tables: { T: hashRangeTable() },
      items: { T: strings },
      steps: [
        {
          op: 'Query',
          body: {
            TableName: '$T',
            KeyConditions: {
              pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'p' }] },
              sk: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [{ S: 'b' }] },
            },
          },
        },
      ],
    },
    indexQuery(
      'gsi',
      'a Query of a global index returns only items with its keys, in its order',
      gsi,
    ),
    indexQuery('gsi-descending-limit', 'a global index Query backwards with a Limit', {
      ...gsi,
      ScanIndexForward: false,
      Limit: 2,
    }),
    indexQuery(
      'gsi-consistent-read-refused',
      'ConsistentRead on a global index is refused',
      { ...gsi, ConsistentRead: true },
      'ValidationException',
    ),
    indexQuery('lsi', 'a Query of a local index skips items without its sort key', lsi),
    indexQuery('lsi-consistent-read', 'ConsistentRead on a local index is allowed', {
      ...lsi,
      ConsistentRead: true,
    }),
    indexQuery('gsi-keys-only', 'a keys-only index returns the table and index keys', gsi, 'ok', {
      ProjectionType: 'KEYS_ONLY',
    }),
    indexQuery(
      'gsi-keys-only-select-all-refused',
      'Select ALL_ATTRIBUTES on a keys-only global index is refused',
      { ...gsi, Select: 'ALL_ATTRIBUTES' },
      'ValidationException',
      { ProjectionType: 'KEYS_ONLY' },
    ),
    indexQuery(
      'gsi-keys-only-unprojected-attribute-refused',
      'projecting an attribute a keys-only global index does not hold is refused',
      { ...gsi, ProjectionExpression: 'v' },
      'ValidationException',
      { ProjectionType: 'KEYS_ONLY' },
    ),
    indexQuery(
      'gsi-include-projection',
      'an INCLUDE index returns the keys and the included attributes',
      gsi,
      'ok',
      { ProjectionType: 'INCLUDE', NonKeyAttributes: ['v'] },
    ),
    indexQuery(
      'gsi-include-unprojected-attribute-refused',
      'projecting an attribute a global index does not hold is refused',
      { ...gsi, ProjectionExpression: 'w' },
      'ValidationException',
      { ProjectionType: 'INCLUDE', NonKeyAttributes: ['v'] },
    ),
    indexQuery(
      'lsi-keys-only-fetches',
      'a local index fetches attributes it does not hold',
      { ...lsi, Select: 'ALL_ATTRIBUTES' },
      'ok',
      { ProjectionType: 'KEYS_ONLY' },
    ),
    indexQuery(
      'gsi-select-all-projected',
      'Select ALL_PROJECTED_ATTRIBUTES on an index',
      { ...gsi, Select: 'ALL_PROJECTED_ATTRIBUTES' },
      'ok',
      { ProjectionType: 'INCLUDE', NonKeyAttributes: ['v'] },
    ),
    indexQuery(
      'gsi-exclusive-start-key',
      'ExclusiveStartKey on a global index names table and index keys',
      {
        ...gsi,
        ExclusiveStartKey: { pk: { S: 'p1' }, sk: { S: 's2' }, gpk: { S: 'g' }, gsk: { S: 'a' } },
      },
    ),
  ],
}
