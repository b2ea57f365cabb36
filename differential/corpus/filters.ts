import type { CorpusArea, DiffCase, Item } from '../src/diff-case.js'
import { hashRangeTable } from './tables.js'

const items: Item[] = [
  { pk: { S: 'p' }, sk: { N: '1' }, v: { N: '5' }, tag: { S: 'red' }, ss: { SS: ['x'] } },
  {
    pk: { S: 'p' },
    sk: { N: '2' },
    v: { N: '15' },
    tag: { S: 'blue' },
    m: { M: { k: { S: 'x' } } },
  },
  { pk: { S: 'p' }, sk: { N: '3' }, v: { N: '25' }, tag: { S: 'red' } },
  { pk: { S: 'p' }, sk: { N: '4' }, tag: { S: 'green' }, l: { L: [{ S: 'x' }] } },
  { pk: { S: 'q' }, sk: { N: '1' }, v: { N: '35' }, tag: { S: 'red' } },
]

/** A Query (partition `p`) or Scan with a filter. */
function filter(
  id: string,
  title: string,
  op: 'Query' | 'Scan',
  request: Record<string, unknown>,
  expect = 'ok',
): DiffCase {
  const values = request.ExpressionAttributeValues as Record<string, unknown> | undefined
  const legacy = 'KeyConditions' in request
  const body =
    op === 'Query' && !legacy
      ? {
          TableName: '$T',
          KeyConditionExpression: 'pk = :p',
          ...request,
          ExpressionAttributeValues: { ':p': { S: 'p' }, ...values },
        }
      : { TableName: '$T', ...request }
  return {
    id,
    title,
    tables: { T: hashRangeTable('S', 'N') },
    items: { T: items },
    steps: [{ op, body, expect }],
  }
}

export const filters: CorpusArea = {
  area: 'filters',
  scope: 'item-api',
  cases: [
    filter('query-filter-counts', 'Count after the filter, ScannedCount before', 'Query', {
      FilterExpression: 'v > :v',
      ExpressionAttributeValues: { ':v': { N: '10' } },
    }),
    filter('scan-filter-counts', 'a Scan filter', 'Scan', {
      FilterExpression: 'tag = :t',
      ExpressionAttributeValues: { ':t': { S: 'red' } },
    }),
    filter('filter-then-limit', 'Limit counts items read, before the filter', 'Query', {
      FilterExpression: 'tag = :t',
      ExpressionAttributeValues: { ':t': { S: 'blue' } },
      Limit: 1,
    }),
    filter(
      'filter-matches-nothing',
      'a filter that matches nothing returns no items and a ScannedCount',
      'Query',
      { FilterExpression: 'v > :v', ExpressionAttributeValues: { ':v': { N: '1000' } } },
    ),
    filter(
      'filter-missing-attribute',
      'items without the attribute do not match a comparison',
      'Query',
      { FilterExpression: 'v <> :v', ExpressionAttributeValues: { ':v': { N: '5' } } },
    ),
    filter('filter-attribute-not-exists', 'attribute_not_exists in a filter', 'Query', {
      FilterExpression: 'attribute_not_exists(v)',
    }),
    filter('filter-contains-set', 'contains on a set in a filter', 'Scan', {
      FilterExpression: 'contains(ss, :x)',
      ExpressionAttributeValues: { ':x': { S: 'x' } },
    }),
    filter('filter-contains-list', 'contains on a list in a filter', 'Scan', {
      FilterExpression: 'contains(l, :x)',
      ExpressionAttributeValues: { ':x': { S: 'x' } },
    }),
    filter('filter-nested', 'a filter on a nested path', 'Scan', {
      FilterExpression: 'm.k = :x',
      ExpressionAttributeValues: { ':x': { S: 'x' } },
    }),
    filter('filter-in', 'IN in a filter', 'Query', {
      FilterExpression: 'tag IN (:a, :b)',
      ExpressionAttributeValues: { ':a': { S: 'green' }, ':b': { S: 'blue' } },
    }),
    filter('filter-not-or', 'NOT and OR in a filter', 'Query', {
      FilterExpression: 'NOT (tag = :a OR v < :v)',
      ExpressionAttributeValues: { ':a': { S: 'red' }, ':v': { N: '10' } },
    }),
    filter('filter-size', 'size in a filter', 'Scan', {
      FilterExpression: 'size(tag) > :n',
      ExpressionAttributeValues: { ':n': { N: '3' } },
    }),
    filter(
      'filter-with-projection',
      'a filter on an attribute left out of the projection',
      'Query',
      {
        FilterExpression: 'v >= :v',
        ProjectionExpression: 'sk',
        ExpressionAttributeValues: { ':v': { N: '15' } },
      },
    ),
    filter('filter-select-count', 'Select COUNT with a filter', 'Scan', {
      Select: 'COUNT',
      FilterExpression: 'tag = :t',
      ExpressionAttributeValues: { ':t': { S: 'red' } },
    }),
    filter(
      'query-filter-on-key-refused',
      'a Query filter on the sort key is refused',
      'Query',
      { FilterExpression: 'sk > :v', ExpressionAttributeValues: { ':v': { N: '1' } } },
      'ValidationException',
    ),
    filter('scan-filter-on-key', 'a Scan filter on a key attribute is allowed', 'Scan', {
      FilterExpression: 'sk > :v',
      ExpressionAttributeValues: { ':v': { N: '2' } },
    }),
    filter(
      'filter-undefined-value-refused',
      'a filter with an undefined :value is refused',
      'Scan',
      { FilterExpression: 'v > :nothere' },
      'ValidationException',
    ),
    filter(
      'filter-syntax-error-refused',
      'a filter that does not parse is refused',
      'Scan',
      { FilterExpression: 'v >', ExpressionAttributeValues: { ':v': { N: '1' } } },
      'ValidationException',
    ),
    filter('legacy-query-filter', 'the legacy QueryFilter parameter', 'Query', {
      QueryFilter: { tag: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'red' }] } },
      KeyConditions: { pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'p' }] } },
    }),
    filter('legacy-scan-filter', 'the legacy ScanFilter parameter', 'Scan', {
      ScanFilter: {
        v: { ComparisonOperator: 'BETWEEN', AttributeValueList: [{ N: '10' }, { N: '30' }] },
      },
    }),
    filter('legacy-conditional-operator-or', 'ScanFilter with ConditionalOperator OR', 'Scan', {
      ScanFilter: {
        tag: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'green' }] },
        v: { ComparisonOperator: 'GT', AttributeValueList: [{ N: '30' }] },
      },
      ConditionalOperator: 'OR',
    }),
    filter(
      'legacy-and-expression-refused',
      'ScanFilter together with FilterExpression is refused',
      'Scan',
      {
        ScanFilter: { tag: { ComparisonOperator: 'NOT_NULL' } },
        FilterExpression: 'attribute_exists(v)',
      },
      'ValidationException',
    ),
  ],
}
