import type { CorpusArea, DiffCase } from '../src/diff-case.js'
import { hashRangeTable, hashTable, indexedTable } from './tables.js'

const many = Array.from({ length: 30 }, (_, i) => ({
  pk: { S: `item-${String(i).padStart(2, '0')}` },
  v: { N: String(i) },
}))
const onePartition = Array.from({ length: 12 }, (_, i) => ({
  pk: { S: 'p' },
  sk: { N: String(i) },
}))
// 25 items of about 100 KB: a Scan page stops at 1 MB, so pages differ from Limit pages.
const big = Array.from({ length: 25 }, (_, i) => ({
  pk: { S: `big-${String(i).padStart(2, '0')}` },
  pad: { S: 'x'.repeat(100_000) },
}))

function scan(
  id: string,
  title: string,
  request: Record<string, unknown>,
  options: {
    expect?: string
    paginate?: boolean
    fields?: string[]
    table?: 'many' | 'partition' | 'big'
  } = {},
): DiffCase {
  const table = options.table ?? 'many'
  return {
    id,
    title,
    tables: { T: table === 'partition' ? hashRangeTable('S', 'N') : hashTable() },
    items: { T: table === 'partition' ? onePartition : table === 'big' ? big : many },
    steps: [
      {
        op: 'Scan',
        body: { TableName: '$T', ...request },
        expect: options.expect,
        compare: options.paginate
          ? { paginate: true }
          : options.fields
            ? { fields: options.fields }
            : undefined,
      },
    ],
  }
}

const projectionOnBig = { ProjectionExpression: 'pk' }

export const scanPagination: CorpusArea = {
  area: 'scan-pagination',
  scope: 'item-api',
  cases: [
    scan('scan-all', 'a Scan returns every item', {}),
    scan(
      'scan-paginate-limit-7',
      'pages of 7 cover every item once',
      { Limit: 7 },
      { paginate: true },
    ),
    scan(
      'scan-paginate-limit-1',
      'pages of 1 through one partition cover every item once',
      { Limit: 1 },
      { paginate: true, table: 'partition' },
    ),
    scan(
      'scan-one-partition-ordered-limit',
      'one partition scans in sort key order; Limit and LastEvaluatedKey',
      { Limit: 5 },
      { table: 'partition' },
    ),
    scan(
      'scan-exclusive-start-key-partition',
      'ExclusiveStartKey within one partition',
      { ExclusiveStartKey: { pk: { S: 'p' }, sk: { N: '8' } } },
      { table: 'partition' },
    ),
    scan('scan-count', 'Select COUNT on a Scan', { Select: 'COUNT' }),
    scan('scan-projection', 'ProjectionExpression on a Scan', { ProjectionExpression: 'v' }),
    scan('scan-one-mb-pages', 'a Scan page stops at 1 MB of items read', projectionOnBig, {
      table: 'big',
      paginate: true,
    }),
    // Which items a page holds depends on the scan order, which is unspecified across partitions.
    scan(
      'scan-one-mb-first-page',
      'the first 1 MB page: its Count and ScannedCount',
      { Select: 'COUNT' },
      { table: 'big', fields: ['Count', 'ScannedCount'] },
    ),
    scan(
      'scan-limit-zero-refused',
      'Limit 0 is refused',
      { Limit: 0 },
      { expect: 'ValidationException' },
    ),
    scan(
      'parallel-segments-refused-without-total',
      'Segment without TotalSegments is refused',
      { Segment: 0 },
      { expect: 'ValidationException' },
    ),
    scan(
      'parallel-total-without-segment-refused',
      'TotalSegments without Segment is refused',
      { TotalSegments: 2 },
      { expect: 'ValidationException' },
    ),
    scan(
      'parallel-segment-out-of-range-refused',
      'Segment not below TotalSegments is refused',
      { Segment: 2, TotalSegments: 2 },
      { expect: 'ValidationException' },
    ),
    scan(
      'parallel-total-over-limit-refused',
      'TotalSegments over 1,000,000 is refused',
      { Segment: 0, TotalSegments: 1_000_001 },
      { expect: 'ValidationException' },
    ),
    scan('parallel-total-at-limit', 'TotalSegments of 1,000,000 is accepted', {
      Segment: 999_999,
      TotalSegments: 1_000_000,
      Select: 'COUNT',
    }),
    {
      id: 'parallel-segments-cover-table',
      title: 'the four segments of a parallel Scan hold every item once between them',
      tables: { T: hashTable() },
      items: { T: many },
      steps: [
        {
          op: 'Scan',
          body: { TableName: '$T', TotalSegments: 4, Limit: 4 },
          compare: { paginate: true, allSegments: true },
        },
      ],
    },
    {
      id: 'parallel-segments-cover-one-partition',
      title: 'the segments of a parallel Scan of one partition hold every item once',
      tables: { T: hashRangeTable('S', 'N') },
      items: { T: onePartition },
      steps: [
        {
          op: 'Scan',
          body: { TableName: '$T', TotalSegments: 3 },
          compare: { paginate: true, allSegments: true },
        },
      ],
    },
    scan('parallel-single-segment', 'TotalSegments 1 scans everything', {
      Segment: 0,
      TotalSegments: 1,
    }),
    scan(
      'exclusive-start-key-wrong-shape-refused',
      'an ExclusiveStartKey that is not a key of the table is refused',
      { ExclusiveStartKey: { v: { N: '1' } } },
      { expect: 'ValidationException' },
    ),
    scan(
      'missing-table',
      'a Scan of a missing table',
      { TableName: 'no-such-table-differential' },
      { expect: 'ResourceNotFoundException' },
    ),
    {
      id: 'scan-gsi',
      title: 'a Scan of a global index returns only items with its keys',
      tables: { T: indexedTable() },
      items: {
        T: [
          { pk: { S: 'a' }, sk: { S: '1' }, gpk: { S: 'g' }, gsk: { S: 'x' } },
          { pk: { S: 'b' }, sk: { S: '1' } },
          { pk: { S: 'c' }, sk: { S: '1' }, gpk: { S: 'h' }, gsk: { S: 'y' } },
        ],
      },
      steps: [{ op: 'Scan', body: { TableName: '$T', IndexName: 'gsi1' } }],
    },
    {
      id: 'scan-gsi-consistent-read-refused',
      title: 'ConsistentRead on a Scan of a global index is refused',
      tables: { T: indexedTable() },
      steps: [
        {
          op: 'Scan',
          body: { TableName: '$T', IndexName: 'gsi1', ConsistentRead: true },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'scan-lsi',
      title: 'a Scan of a local index returns only items with its sort key',
      tables: { T: indexedTable() },
      items: {
        T: [
          { pk: { S: 'a' }, sk: { S: '1' }, lsk: { S: 'x' } },
          { pk: { S: 'a' }, sk: { S: '2' } },
        ],
      },
      steps: [{ op: 'Scan', body: { TableName: '$T', IndexName: 'lsi1', ConsistentRead: true } }],
    },
  ],
}
