import { type FidelityCase, index, ok, table } from '../support/fidelity-case.js'

const indexed = () =>
  table({
    sortKey: 'S',
    attributes: { gpk: 'S', lsk: 'S' },
    globalIndexes: [
      index('gkeys', 'gpk', undefined, { ProjectionType: 'KEYS_ONLY' }),
      index('ginc', 'gpk', undefined, { ProjectionType: 'INCLUDE', NonKeyAttributes: ['v'] }),
    ],
    localIndexes: [index('lkeys', 'pk', 'lsk', { ProjectionType: 'KEYS_ONLY' })],
  })

const key = { pk: { S: 'c' }, sk: { S: 'c' } }
const put = (attributes: Record<string, unknown>, ReturnConsumedCapacity = 'INDEXES') => ({
  op: 'PutItem' as const,
  input: { TableName: '$T', Item: { ...key, ...attributes }, ReturnConsumedCapacity },
})
const update = (UpdateExpression: string, values?: Record<string, unknown>) => ({
  op: 'UpdateItem' as const,
  input: {
    TableName: '$T',
    Key: key,
    UpdateExpression,
    ...(values ? { ExpressionAttributeValues: values } : {}),
    ReturnConsumedCapacity: 'INDEXES',
  },
})
const capacity = (
  total: number,
  table: number,
  globalIndexes?: Record<string, number>,
  localIndexes?: Record<string, number>,
) => {
  const units = (byIndex: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(byIndex).map(([name, CapacityUnits]) => [name, { CapacityUnits }]),
    )
  return ok({
    ConsumedCapacity: {
      TableName: '$T',
      CapacityUnits: total,
      Table: { CapacityUnits: table },
      ...(globalIndexes ? { GlobalSecondaryIndexes: units(globalIndexes) } : {}),
      ...(localIndexes ? { LocalSecondaryIndexes: units(localIndexes) } : {}),
    },
  })
}

/** ConsumedCapacity of writes counts the writes to secondary indexes, per index with INDEXES. */
export const consumedCapacityCases: FidelityCase[] = [
  {
    name: 'an index entry that appears, changes key, changes projection or disappears',
    tables: { $T: indexed() },
    steps: [
      { ...put({}), expect: capacity(1, 1) },
      { ...put({ gpk: { S: 'g' } }), expect: capacity(3, 1, { gkeys: 1, ginc: 1 }) },
      {
        ...put({ gpk: { S: 'g' }, lsk: { S: 'l' } }),
        expect: capacity(2, 1, undefined, { lkeys: 1 }),
      },
      {
        ...put({ gpk: { S: 'g2' }, lsk: { S: 'l' } }),
        expect: capacity(5, 1, { gkeys: 2, ginc: 2 }),
      },
      {
        ...put({ gpk: { S: 'g2' }, lsk: { S: 'l' }, v: { S: 'x'.repeat(2000) } }),
        expect: capacity(4, 2, { ginc: 2 }),
      },
      {
        ...put({ gpk: { S: 'g2' }, lsk: { S: 'l' } }, 'TOTAL'),
        expect: ok({ ConsumedCapacity: { TableName: '$T', CapacityUnits: 4 } }),
      },
      {
        ...update('SET gpk = :g', { ':g': { S: 'g3' } }),
        expect: capacity(5, 1, { gkeys: 2, ginc: 2 }),
      },
      { ...update('SET w = :w', { ':w': { S: 'w' } }), expect: capacity(1, 1) },
      { ...update('SET v = :v', { ':v': { S: 'v' } }), expect: capacity(2, 1, { ginc: 1 }) },
      { ...update('SET gpk = :g', { ':g': { S: 'g3' } }), expect: capacity(1, 1) },
      { ...update('REMOVE gpk'), expect: capacity(3, 1, { gkeys: 1, ginc: 1 }) },
      {
        op: 'DeleteItem',
        input: { TableName: '$T', Key: key, ReturnConsumedCapacity: 'INDEXES' },
        expect: capacity(2, 1, undefined, { lkeys: 1 }),
      },
      {
        op: 'DeleteItem',
        input: { TableName: '$T', Key: key, ReturnConsumedCapacity: 'INDEXES' },
        expect: capacity(1, 1),
      },
    ],
  },
  {
    name: 'an index entry costs one unit per KB of what it holds',
    tables: { $T: indexed() },
    steps: [
      // pk (2+1) + sk (2+1) + gpk (3+1) + v (1 + n) bytes: 1,018 at n = 1,007, 1,026 at n = 1,015.
      {
        ...put({ gpk: { S: 'g' }, v: { S: 'x'.repeat(1007) } }),
        expect: capacity(3, 1, { gkeys: 1, ginc: 1 }),
      },
      { op: 'DeleteItem', input: { TableName: '$T', Key: key }, expect: ok() },
      {
        ...put({ gpk: { S: 'g' }, v: { S: 'x'.repeat(1015) } }),
        expect: capacity(5, 2, { gkeys: 1, ginc: 2 }),
      },
    ],
  },
  {
    name: 'BatchWriteItem adds up each table and index',
    tables: { $T: indexed() },
    steps: [
      {
        op: 'BatchWriteItem',
        input: {
          RequestItems: {
            $T: [
              { PutRequest: { Item: { pk: { S: 'd' }, sk: { S: '1' }, gpk: { S: 'g' } } } },
              {
                PutRequest: {
                  Item: { pk: { S: 'd' }, sk: { S: '2' }, gpk: { S: 'g' }, lsk: { S: 'l' } },
                },
              },
            ],
          },
          ReturnConsumedCapacity: 'INDEXES',
        },
        expect: ok({
          UnprocessedItems: {},
          ConsumedCapacity: [
            {
              TableName: '$T',
              CapacityUnits: 7,
              Table: { CapacityUnits: 2 },
              GlobalSecondaryIndexes: { gkeys: { CapacityUnits: 2 }, ginc: { CapacityUnits: 2 } },
              LocalSecondaryIndexes: { lkeys: { CapacityUnits: 1 } },
            },
          ],
        }),
      },
      {
        op: 'BatchWriteItem',
        input: {
          RequestItems: { $T: [{ DeleteRequest: { Key: { pk: { S: 'd' }, sk: { S: '1' } } } }] },
          ReturnConsumedCapacity: 'TOTAL',
        },
        expect: ok({ ConsumedCapacity: [{ TableName: '$T', CapacityUnits: 3 }] }),
      },
    ],
  },
]
