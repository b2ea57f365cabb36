import type { CorpusArea, DiffCase } from '../src/diff-case.js'
import { hashTable } from './tables.js'

const k = (pk: string) => ({ pk: { S: pk } })
const seeded = [
  { ...k('a'), n: { N: '1' }, s: { S: 'x' } },
  { ...k('b'), n: { N: '2' } },
]
const get = (pk: string, extra: Record<string, unknown> = {}) => ({
  Get: { TableName: '$T', Key: k(pk), ...extra },
})

function transact(
  id: string,
  title: string,
  items: unknown[],
  expect = 'ok',
  extra: Record<string, unknown> = {},
): DiffCase {
  return {
    id,
    title,
    tables: { T: hashTable() },
    items: { T: seeded },
    steps: [{ op: 'TransactGetItems', body: { TransactItems: items, ...extra }, expect }],
  }
}

export const transactGet: CorpusArea = {
  area: 'transact-get',
  scope: 'transactions',
  cases: [
    transact('two-items', 'two items in request order', [get('b'), get('a')]),
    transact('missing-item', 'a missing item answers an empty entry in its place', [
      get('a'),
      get('nobody'),
      get('b'),
    ]),
    transact('projection', 'a projection with names', [
      get('a', { ProjectionExpression: '#s', ExpressionAttributeNames: { '#s': 's' } }),
    ]),
    transact(
      '100-gets',
      '100 gets are accepted',
      Array.from({ length: 100 }, (_, i) => get(`k${i}`)),
    ),
    transact(
      '101-gets-refused',
      '101 gets are refused',
      Array.from({ length: 101 }, (_, i) => get(`k${i}`)),
      'ValidationException',
    ),
    transact(
      'same-item-twice-refused',
      'the same item twice is refused',
      [get('a'), get('a')],
      'ValidationException',
    ),
    transact('empty-refused', 'an empty TransactItems is refused', [], 'ValidationException'),
    transact(
      'missing-table',
      'a get from a missing table',
      [{ Get: { TableName: 'no-such-table-differential', Key: k('a') } }],
      'ResourceNotFoundException',
    ),
    {
      ...transact(
        'wrong-key-cancels',
        'a key of the wrong type cancels the transaction with a ValidationError reason',
        [{ Get: { TableName: '$T', Key: { pk: { N: '1' } } } }],
        'TransactionCanceledException',
      ),
      serviceDiffers: {
        service:
          'the TransactionCanceledException lists CancellationReasons (DynamoDB Local leaves them out)',
        source:
          'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactGetItems.html#API_TransactGetItems_Errors',
      },
    },
    transact('consumed-capacity', 'ReturnConsumedCapacity TOTAL', [get('a'), get('b')], 'ok', {
      ReturnConsumedCapacity: 'TOTAL',
    }),
    transact(
      'invalid-projection-refused',
      'a projection that does not parse is refused',
      [get('a', { ProjectionExpression: 'n,' })],
      'ValidationException',
    ),
    {
      id: 'two-tables',
      title: 'gets across two tables',
      tables: { T: hashTable(), U: hashTable() },
      items: { T: [k('t')], U: [k('u')] },
      steps: [
        {
          op: 'TransactGetItems',
          body: {
            TransactItems: [
              { Get: { TableName: '$U', Key: k('u') } },
              { Get: { TableName: '$T', Key: k('t') } },
            ],
          },
        },
      ],
    },
    {
      id: 'reads-committed-transaction',
      title: 'a TransactGetItems after a TransactWriteItems sees all of it',
      tables: { T: hashTable() },
      items: { T: seeded },
      steps: [
        {
          op: 'TransactWriteItems',
          body: {
            TransactItems: [
              { Delete: { TableName: '$T', Key: k('a') } },
              { Put: { TableName: '$T', Item: { ...k('c'), n: { N: '3' } } } },
            ],
          },
        },
        { op: 'TransactGetItems', body: { TransactItems: [get('a'), get('b'), get('c')] } },
      ],
    },
  ],
}
