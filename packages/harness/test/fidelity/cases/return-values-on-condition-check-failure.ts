import {
  conditionFailed,
  type FidelityCase,
  ok,
  table,
  validation,
} from '../support/fidelity-case.js'

const stored = { pk: { S: 'a' }, v: { N: '1' }, s: { SS: ['p', 'q'] } }
const key = { pk: { S: 'a' } }
const invalid = (value: string) =>
  validation(
    `1 validation error detected: Value '${value}' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]`,
  )

/** A failed condition returns the item as it was when asked to (PutItem, UpdateItem, DeleteItem). */
export const returnValuesOnConditionCheckFailureCases: FidelityCase[] = [
  {
    name: 'ALL_OLD returns the item in the ConditionalCheckFailedException',
    tables: { $T: table({ items: [stored] }) },
    steps: [
      {
        op: 'PutItem',
        input: {
          TableName: '$T',
          Item: key,
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
        expect: conditionFailed(stored),
      },
      {
        op: 'UpdateItem',
        input: {
          TableName: '$T',
          Key: key,
          UpdateExpression: 'SET q = :q',
          ConditionExpression: 'v = :x',
          ExpressionAttributeValues: { ':q': { S: 'q' }, ':x': { N: '9' } },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
        expect: conditionFailed(stored),
      },
      {
        op: 'DeleteItem',
        input: {
          TableName: '$T',
          Key: key,
          Expected: { v: { Value: { N: '9' } } },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
        expect: conditionFailed(stored),
      },
      {
        op: 'PutItem',
        input: {
          TableName: '$T',
          Item: key,
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'NONE',
        },
        expect: conditionFailed(),
      },
      {
        op: 'PutItem',
        input: {
          TableName: '$T',
          Item: { pk: { S: 'nobody' } },
          ConditionExpression: 'attribute_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
        expect: conditionFailed(),
      },
      { op: 'GetItem', input: { TableName: '$T', Key: key }, expect: ok({ Item: stored }) },
    ],
  },
  {
    name: 'ALL_OLD with a composite key returns the whole item',
    tables: {
      $T: table({ sortKey: 'S', items: [{ pk: { S: 'a' }, sk: { S: 'b' }, v: { N: '1' } }] }),
    },
    steps: [
      {
        op: 'DeleteItem',
        input: {
          TableName: '$T',
          Key: { pk: { S: 'a' }, sk: { S: 'b' } },
          ConditionExpression: 'v = :x',
          ExpressionAttributeValues: { ':x': { N: '2' } },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
        expect: conditionFailed({ pk: { S: 'a' }, sk: { S: 'b' }, v: { N: '1' } }),
      },
    ],
  },
  {
    name: 'a ReturnValuesOnConditionCheckFailure other than ALL_OLD or NONE is refused',
    tables: { $T: table({ items: [stored] }) },
    steps: [
      {
        op: 'PutItem',
        input: {
          TableName: '$T',
          Item: key,
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_NEW',
        },
        expect: invalid('ALL_NEW'),
      },
      {
        op: 'UpdateItem',
        input: { TableName: '$T', Key: key, ReturnValuesOnConditionCheckFailure: 'all_old' },
        expect: invalid('all_old'),
      },
      {
        op: 'DeleteItem',
        input: { TableName: '$T', Key: key, ReturnValuesOnConditionCheckFailure: 'UPDATED_OLD' },
        expect: invalid('UPDATED_OLD'),
      },
      { op: 'GetItem', input: { TableName: '$T', Key: key }, expect: ok({ Item: stored }) },
    ],
  },
]
