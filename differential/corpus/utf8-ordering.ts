import type { CorpusArea, DiffCase, Item } from '../src/diff-case.js'
import { hashRangeTable, indexedTable } from './tables.js'

// In UTF-8 byte order: 'Z' < 'a' < '~' < 'é' (C3 A9) < U+E000 (EE 80 80) < '｡' U+FF61 (EF BD A1)
// < 'ｱ' U+FF71 (EF BD B1) < '😀' U+1F600 (F0 9F 98 80). In UTF-16 code unit order the emoji
// (D83D DE00) would sort before U+E000: the cases below tell the two apart.
const keys = ['Z', 'a', '~', 'é', '\uE000', '｡', 'ｱ', '😀', 'e\u0301', 'aa']
const items: Item[] = keys.map((sk) => ({ pk: { S: 'p' }, sk: { S: sk }, s: { S: sk } }))

function query(
  id: string,
  title: string,
  request: Record<string, unknown>,
  expect = 'ok',
): DiffCase {
  return {
    id,
    title,
    tables: { T: hashRangeTable() },
    items: { T: items },
    steps: [
      {
        op: 'Query',
        body: {
          TableName: '$T',
          KeyConditionExpression: 'pk = :p',
          ...request,
          ExpressionAttributeValues: {
            ':p': { S: 'p' },
            ...(request.ExpressionAttributeValues as Record<string, unknown> | undefined),
          },
        },
        expect,
      },
    ],
  }
}

/** A conditional update of an item whose `s` is `stored`: `holds` when the condition is true. */
function condition(
  id: string,
  title: string,
  stored: string,
  expression: string,
  values: Record<string, unknown>,
  holds: boolean,
): DiffCase {
  return {
    id,
    title,
    tables: { T: hashRangeTable() },
    items: { T: [{ pk: { S: 'p' }, sk: { S: 'k' }, s: { S: stored } }] },
    steps: [
      {
        op: 'UpdateItem',
        body: {
          TableName: '$T',
          Key: { pk: { S: 'p' }, sk: { S: 'k' } },
          UpdateExpression: 'SET hit = :hit',
          ConditionExpression: expression,
          ExpressionAttributeValues: { ':hit': { BOOL: true }, ...values },
        },
        expect: holds ? 'ok' : 'ConditionalCheckFailedException',
      },
    ],
  }
}

export const utf8Ordering: CorpusArea = {
  area: 'utf8-ordering',
  scope: 'item-api',
  cases: [
    query('query-order', 'a partition in UTF-8 byte order of its sort keys', {}),
    query('query-order-descending', 'the same backwards', { ScanIndexForward: false }),
    query('query-greater-than-halfwidth', 'sort key > U+FF61 includes the emoji', {
      KeyConditionExpression: 'pk = :p AND sk > :s',
      ExpressionAttributeValues: { ':s': { S: '｡' } },
    }),
    query(
      'query-less-than-emoji',
      'sort key < 😀 includes the private use and halfwidth characters',
      {
        KeyConditionExpression: 'pk = :p AND sk < :s',
        ExpressionAttributeValues: { ':s': { S: '😀' } },
      },
    ),
    query('query-between-halfwidth-and-emoji', 'BETWEEN U+FF61 AND 😀 is a valid range', {
      KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi',
      ExpressionAttributeValues: { ':lo': { S: '｡' }, ':hi': { S: '😀' } },
    }),
    query(
      'query-between-emoji-and-private-use-refused',
      'BETWEEN 😀 AND U+E000 has its bounds reversed in UTF-8',
      {
        KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi',
        ExpressionAttributeValues: { ':lo': { S: '😀' }, ':hi': { S: '\uE000' } },
      },
      'ValidationException',
    ),
    query('query-begins-with-multibyte', 'begins_with a two-byte character', {
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':s': { S: 'é' } },
    }),
    query(
      'query-combining-characters-distinct',
      'precomposed and combining forms are different keys',
      {
        KeyConditionExpression: 'pk = :p AND sk = :s',
        ExpressionAttributeValues: { ':s': { S: 'e\u0301' } },
      },
    ),
    query('query-exclusive-start-emoji', 'ExclusiveStartKey at a private use character', {
      ExclusiveStartKey: { pk: { S: 'p' }, sk: { S: '\uE000' } },
    }),
    query('query-filter-less-than', 'a filter s < U+FFFF leaves out the emoji', {
      FilterExpression: 's < :v',
      ExpressionAttributeValues: { ':v': { S: '\uFFFF' } },
    }),
    query('query-filter-between', 'a filter BETWEEN U+FF61 AND 😀', {
      FilterExpression: 's BETWEEN :lo AND :hi',
      ExpressionAttributeValues: { ':lo': { S: '｡' }, ':hi': { S: '😀' } },
    }),
    {
      id: 'legacy-key-conditions-between',
      title: 'legacy KeyConditions BETWEEN U+FF61 AND 😀',
      tables: { T: hashRangeTable() },
      items: { T: items },
      steps: [
        {
          op: 'Query',
          body: {
            TableName: '$T',
            KeyConditions: {
              pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'p' }] },
              sk: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ S: '｡' }, { S: '😀' }] },
            },
          },
        },
      ],
    },
    condition(
      'condition-emoji-less-than-ffff-false',
      's < U+FFFF is false when s is 😀',
      '😀',
      's < :v',
      { ':v': { S: '\uFFFF' } },
      false,
    ),
    condition(
      'condition-emoji-greater-than-private-use',
      's > U+E000 is true when s is 😀',
      '😀',
      's > :v',
      { ':v': { S: '\uE000' } },
      true,
    ),
    condition(
      'condition-between-halfwidth-emoji',
      's BETWEEN U+FF61 AND 😀 holds for U+FF71',
      'ｱ',
      's BETWEEN :lo AND :hi',
      { ':lo': { S: '｡' }, ':hi': { S: '😀' } },
      true,
    ),
    condition(
      'condition-size-emoji',
      'size of 😀 is 2, as DynamoDB Local counts it',
      '😀',
      'size(s) = :n',
      { ':n': { N: '2' } },
      true,
    ),
    condition(
      'condition-size-two-byte',
      'size of é is 1, as DynamoDB Local counts it',
      'é',
      'size(s) = :n',
      { ':n': { N: '1' } },
      true,
    ),
    condition(
      'condition-contains-emoji',
      'contains finds an emoji',
      'a😀b',
      'contains(s, :v)',
      { ':v': { S: '😀' } },
      true,
    ),
    condition(
      'condition-begins-with-emoji',
      'begins_with an emoji',
      '😀x',
      'begins_with(s, :v)',
      { ':v': { S: '😀' } },
      true,
    ),
    {
      id: 'scan-partition-order',
      title: 'a Scan of one partition follows the UTF-8 order of the sort keys',
      tables: { T: hashRangeTable() },
      items: { T: items },
      steps: [{ op: 'Scan', body: { TableName: '$T' }, compare: { ordered: true } }],
    },
    {
      id: 'gsi-sort-order',
      title: 'a global index orders its sort keys by UTF-8 bytes',
      tables: { T: indexedTable({ ProjectionType: 'KEYS_ONLY' }) },
      items: {
        T: keys.map((gsk, i) => ({
          pk: { S: `p${i}` },
          sk: { S: 's' },
          gpk: { S: 'g' },
          gsk: { S: gsk },
        })),
      },
      steps: [
        {
          op: 'Query',
          body: {
            TableName: '$T',
            IndexName: 'gsi1',
            KeyConditionExpression: 'gpk = :g AND gsk > :s',
            ExpressionAttributeValues: { ':g': { S: 'g' }, ':s': { S: '\uE000' } },
          },
        },
      ],
    },
  ],
}
