import type { CorpusArea, DiffCase, Item, Step } from '../src/diff-case.js'
import { hashTable, indexedTable } from './tables.js'

const k = (pk: string) => ({ pk: { S: pk } })
const seeded: Item[] = [
  { pk: { S: 'a' }, n: { N: '1' } },
  { pk: { S: 'b' }, n: { N: '2' } },
  { pk: { S: 'c' }, n: { N: '3' }, w: { S: 'str' } },
]
const scanAll: Step = { op: 'Scan', body: { TableName: '$T' } }

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
    steps: [
      { op: 'TransactWriteItems', body: { TransactItems: items, ...extra }, expect },
      scanAll,
    ],
  }
}

// DynamoDB Local refuses the whole request with ValidationException where a write would break a
// limit or a type; the service cancels the transaction with a ValidationError reason.
const cancelledByValidation = {
  service:
    'TransactionCanceledException with a ValidationError reason: "a similar validation error occurs because of changes made by the transaction"',
  source:
    'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html#API_TransactWriteItems_Errors',
}

// DynamoDB Local reports a transaction's writes at the rate of single writes.
const transactionalWriteCapacity = {
  service: 'each transactional write of an item up to 1 KB consumes 2 write capacity units',
  source:
    'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-capacity-handling',
}

const put = (pk: string, extra: Record<string, unknown> = {}) => ({
  Put: { TableName: '$T', Item: { ...k(pk), v: { S: pk } }, ...extra },
})
const increment = (pk: string, extra: Record<string, unknown> = {}) => ({
  Update: {
    TableName: '$T',
    Key: k(pk),
    UpdateExpression: 'ADD n :one',
    ExpressionAttributeValues: { ':one': { N: '1' } },
    ...extra,
  },
})
const remove = (pk: string, extra: Record<string, unknown> = {}) => ({
  Delete: { TableName: '$T', Key: k(pk), ...extra },
})
const check = (pk: string, expression: string, extra: Record<string, unknown> = {}) => ({
  ConditionCheck: { TableName: '$T', Key: k(pk), ConditionExpression: expression, ...extra },
})
const failing = 'attribute_not_exists(pk)'

export const transactWrite: CorpusArea = {
  area: 'transact-write',
  scope: 'transactions',
  cases: [
    transact('all-four-actions', 'Put, Update, Delete and ConditionCheck apply together', [
      put('d'),
      increment('a'),
      remove('b'),
      check('c', 'attribute_exists(pk)'),
    ]),
    transact(
      'condition-check-fails',
      'a failing ConditionCheck cancels every action',
      [put('d'), increment('a'), check('c', failing)],
      'TransactionCanceledException',
    ),
    transact(
      'put-condition-fails',
      'a failing Put condition cancels the transaction',
      [increment('a'), put('b', { ConditionExpression: failing })],
      'TransactionCanceledException',
    ),
    transact(
      'update-condition-fails-all-old',
      'a failing Update with ALL_OLD returns the item in its reason',
      [
        increment('a', {
          ConditionExpression: 'n > :big',
          ExpressionAttributeValues: { ':one': { N: '1' }, ':big': { N: '5' } },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
        remove('b'),
      ],
      'TransactionCanceledException',
    ),
    transact(
      'delete-condition-fails-all-old',
      'a failing Delete with ALL_OLD returns the item in its reason',
      [
        remove('c', {
          ConditionExpression: failing,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      ],
      'TransactionCanceledException',
    ),
    transact(
      'condition-check-all-old',
      'a failing ConditionCheck with ALL_OLD returns the item',
      [check('a', failing, { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' })],
      'TransactionCanceledException',
    ),
    transact(
      'several-conditions-fail',
      'every failing condition has its reason, in request order',
      [check('a', failing), put('x'), check('b', failing), check('c', 'attribute_exists(pk)')],
      'TransactionCanceledException',
    ),
    transact(
      'condition-on-missing-item',
      'a condition on a missing item fails as no item',
      [check('nobody', 'attribute_exists(pk)', { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' })],
      'TransactionCanceledException',
    ),
    transact('update-creates-item', 'an Update of a missing item creates it', [increment('new')]),
    transact('delete-missing-item', 'a Delete of a missing item succeeds', [remove('nobody')]),
    transact(
      'same-item-twice-refused',
      'two actions on one item are refused',
      [put('a'), increment('a')],
      'ValidationException',
    ),
    transact(
      'check-and-put-same-item-refused',
      'a ConditionCheck and a Put on one item are refused',
      [check('a', 'attribute_exists(pk)'), put('a')],
      'ValidationException',
    ),
    transact('empty-refused', 'an empty TransactItems is refused', [], 'ValidationException'),
    transact(
      '100-actions',
      '100 actions are accepted',
      Array.from({ length: 100 }, (_, i) => put(`k${i}`)),
    ),
    transact(
      '101-actions-refused',
      '101 actions are refused',
      Array.from({ length: 101 }, (_, i) => put(`k${i}`)),
      'ValidationException',
    ),
    transact(
      'two-operations-in-one-action-refused',
      'an action with both Put and Delete is refused',
      [{ ...put('x'), ...remove('y') }],
      'ValidationException',
    ),
    transact(
      'action-with-no-operation-refused',
      'an action with no operation is refused',
      [{}],
      'ValidationException',
    ),
    transact(
      'condition-check-without-expression-refused',
      'a ConditionCheck without a ConditionExpression is refused',
      [{ ConditionCheck: { TableName: '$T', Key: k('a') } }],
      'ValidationException',
    ),
    transact(
      'invalid-update-expression-refused',
      'an action with an invalid UpdateExpression is refused',
      [put('x'), increment('a', { UpdateExpression: 'ADD' })],
      'ValidationException',
    ),
    transact(
      'wrong-key-cancels',
      'a key of the wrong type cancels the transaction with a ValidationError reason',
      [{ Delete: { TableName: '$T', Key: { pk: { N: '1' } } } }],
      'TransactionCanceledException',
    ),
    transact(
      'missing-table',
      'an action on a missing table',
      [put('x'), { Put: { TableName: 'no-such-table-differential', Item: k('x') } }],
      'ResourceNotFoundException',
    ),
    {
      ...transact(
        'type-mismatch-at-runtime',
        'ADD to a stored string inside a transaction is refused and applies nothing',
        [
          put('x'),
          {
            Update: {
              TableName: '$T',
              Key: k('c'),
              UpdateExpression: 'ADD w :one',
              ExpressionAttributeValues: { ':one': { N: '1' } },
            },
          },
        ],
        'ValidationException',
      ),
      serviceDiffers: cancelledByValidation,
    },
    transact(
      'over-4-mb-refused',
      'more than 4 MB of actions is refused',
      Array.from({ length: 11 }, (_, i) => ({
        Put: { TableName: '$T', Item: { ...k(`big${i}`), pad: { S: 'x'.repeat(390_000) } } },
      })),
      'ValidationException',
    ),
    transact(
      'item-over-400-kb-refused',
      'a Put of an item over 400 KB is refused',
      [{ Put: { TableName: '$T', Item: { ...k('big'), pad: { S: 'x'.repeat(410_000) } } } }],
      'ValidationException',
    ),
    {
      ...transact(
        'consumed-capacity-total',
        'ReturnConsumedCapacity TOTAL reports each table',
        [put('d'), increment('a')],
        'ok',
        { ReturnConsumedCapacity: 'TOTAL' },
      ),
      serviceDiffers: transactionalWriteCapacity,
    },
    transact(
      'item-collection-metrics',
      'ReturnItemCollectionMetrics SIZE is accepted',
      [put('d')],
      'ok',
      { ReturnItemCollectionMetrics: 'SIZE' },
    ),
    transact(
      'client-request-token-too-long-refused',
      'a ClientRequestToken over 36 characters is refused',
      [put('d')],
      'ValidationException',
      { ClientRequestToken: 't'.repeat(37) },
    ),
    {
      id: 'two-tables',
      title: 'one transaction across two tables',
      serviceDiffers: transactionalWriteCapacity,
      tables: { T: hashTable(), U: hashTable() },
      steps: [
        {
          op: 'TransactWriteItems',
          body: {
            TransactItems: [
              { Put: { TableName: '$T', Item: k('t') } },
              { Put: { TableName: '$U', Item: k('u') } },
              { Put: { TableName: '$U', Item: k('u2') } },
            ],
            ReturnConsumedCapacity: 'INDEXES',
          },
        },
        { op: 'Scan', body: { TableName: '$U' } },
      ],
    },
    {
      id: 'idempotent-token-repeat',
      title: 'the same ClientRequestToken and request twice applies once',
      tables: { T: hashTable() },
      items: { T: seeded },
      steps: [
        {
          op: 'TransactWriteItems',
          body: { TransactItems: [increment('a')], ClientRequestToken: 'token-1' },
        },
        {
          op: 'TransactWriteItems',
          body: { TransactItems: [increment('a')], ClientRequestToken: 'token-1' },
        },
        scanAll,
      ],
    },
    {
      id: 'idempotent-token-mismatch',
      title: 'the same ClientRequestToken with another request is refused',
      tables: { T: hashTable() },
      items: { T: seeded },
      steps: [
        {
          op: 'TransactWriteItems',
          body: { TransactItems: [increment('a')], ClientRequestToken: 'token-2' },
        },
        {
          op: 'TransactWriteItems',
          body: { TransactItems: [increment('b')], ClientRequestToken: 'token-2' },
          expect: 'IdempotentParameterMismatchException',
        },
        scanAll,
      ],
    },
    {
      id: 'transfer-keeps-sum',
      title: 'a guarded transfer between two counters',
      tables: { T: hashTable() },
      items: {
        T: [
          { ...k('from'), n: { N: '10' } },
          { ...k('to'), n: { N: '0' } },
        ],
      },
      steps: [
        {
          op: 'TransactWriteItems',
          body: {
            TransactItems: [
              {
                Update: {
                  TableName: '$T',
                  Key: k('from'),
                  UpdateExpression: 'SET n = n - :x',
                  ConditionExpression: 'n >= :x',
                  ExpressionAttributeValues: { ':x': { N: '7' } },
                },
              },
              {
                Update: {
                  TableName: '$T',
                  Key: k('to'),
                  UpdateExpression: 'SET n = n + :x',
                  ExpressionAttributeValues: { ':x': { N: '7' } },
                },
              },
            ],
          },
        },
        {
          op: 'TransactWriteItems',
          body: {
            TransactItems: [
              {
                Update: {
                  TableName: '$T',
                  Key: k('from'),
                  UpdateExpression: 'SET n = n - :x',
                  ConditionExpression: 'n >= :x',
                  ExpressionAttributeValues: { ':x': { N: '7' } },
                },
              },
              {
                Update: {
                  TableName: '$T',
                  Key: k('to'),
                  UpdateExpression: 'SET n = n + :x',
                  ExpressionAttributeValues: { ':x': { N: '7' } },
                },
              },
            ],
          },
          expect: 'TransactionCanceledException',
        },
        scanAll,
      ],
    },
    {
      id: 'index-key-too-long-refused',
      title: 'a transactional Put with a global index sort key over 1024 bytes is refused',
      serviceDiffers: cancelledByValidation,
      tables: { T: indexedTable() },
      steps: [
        {
          op: 'TransactWriteItems',
          body: {
            TransactItems: [
              {
                Put: {
                  TableName: '$T',
                  Item: {
                    pk: { S: 'p' },
                    sk: { S: 's' },
                    gpk: { S: 'g' },
                    gsk: { S: 'x'.repeat(1025) },
                  },
                },
              },
            ],
          },
          expect: 'ValidationException',
        },
        { op: 'Scan', body: { TableName: '$T', Select: 'COUNT' } },
      ],
    },
    {
      id: 'unique-email-pattern',
      title: 'a user and a uniqueness guard item written together, the second sign-up refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'TransactWriteItems',
          body: {
            TransactItems: [
              {
                Put: {
                  TableName: '$T',
                  Item: { ...k('USER#1'), email: { S: 'a@example.com' } },
                  ConditionExpression: failing,
                },
              },
              {
                Put: {
                  TableName: '$T',
                  Item: k('EMAIL#a@example.com'),
                  ConditionExpression: failing,
                },
              },
            ],
          },
        },
        {
          op: 'TransactWriteItems',
          body: {
            TransactItems: [
              {
                Put: {
                  TableName: '$T',
                  Item: { ...k('USER#2'), email: { S: 'a@example.com' } },
                  ConditionExpression: failing,
                },
              },
              {
                Put: {
                  TableName: '$T',
                  Item: k('EMAIL#a@example.com'),
                  ConditionExpression: failing,
                },
              },
            ],
          },
          expect: 'TransactionCanceledException',
        },
        scanAll,
      ],
    },
  ],
}
