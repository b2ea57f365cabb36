import type { CorpusArea } from '../src/diff-case.js'
import { hashRangeTable, hashTable } from './tables.js'

const key = { pk: { S: 'a' } }
const stored = { ...key, v: { N: '1' }, s: { SS: ['p', 'q'] } }
const failing = {
  ConditionExpression: 'v = :two',
  ExpressionAttributeValues: { ':two': { N: '2' } },
}

export const returnValuesOnConditionCheckFailure: CorpusArea = {
  area: 'return-values-on-condition-check-failure',
  scope: 'item-api',
  cases: [
    {
      id: 'put-all-old',
      title: 'a failed PutItem with ALL_OLD returns the item in the error',
      tables: { T: hashTable() },
      items: { T: [stored] },
      steps: [
        {
          op: 'PutItem',
          body: {
            TableName: '$T',
            Item: key,
            ...failing,
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
          expect: 'ConditionalCheckFailedException',
        },
      ],
    },
    {
      id: 'update-all-old',
      title: 'a failed UpdateItem with ALL_OLD returns the item in the error',
      tables: { T: hashTable() },
      items: { T: [stored] },
      steps: [
        {
          op: 'UpdateItem',
          body: {
            TableName: '$T',
            Key: key,
            UpdateExpression: 'SET w = :two',
            ...failing,
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
          expect: 'ConditionalCheckFailedException',
        },
      ],
    },
    {
      id: 'delete-all-old',
      title: 'a failed DeleteItem with ALL_OLD returns the item in the error',
      tables: { T: hashTable() },
      items: { T: [stored] },
      steps: [
        {
          op: 'DeleteItem',
          body: {
            TableName: '$T',
            Key: key,
            ...failing,
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
          expect: 'ConditionalCheckFailedException',
        },
      ],
    },
    {
      id: 'put-none',
      title: 'a failed PutItem with NONE returns no item',
      tables: { T: hashTable() },
      items: { T: [stored] },
      steps: [
        {
          op: 'PutItem',
          body: {
            TableName: '$T',
            Item: key,
            ...failing,
            ReturnValuesOnConditionCheckFailure: 'NONE',
          },
          expect: 'ConditionalCheckFailedException',
        },
      ],
    },
    {
      id: 'missing-item-all-old',
      title: 'a failed condition on a missing item with ALL_OLD returns no item',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'UpdateItem',
          body: {
            TableName: '$T',
            Key: key,
            UpdateExpression: 'SET w = :two',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':two': { N: '2' } },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
          expect: 'ConditionalCheckFailedException',
        },
      ],
    },
    {
      id: 'success-ignores-it',
      title: 'a successful write with ALL_OLD on failure returns nothing extra',
      tables: { T: hashTable() },
      items: { T: [stored] },
      steps: [
        {
          op: 'PutItem',
          body: {
            TableName: '$T',
            Item: key,
            ConditionExpression: 'v = :one',
            ExpressionAttributeValues: { ':one': { N: '1' } },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
      ],
    },
    {
      id: 'invalid-value-refused',
      title: 'a ReturnValuesOnConditionCheckFailure other than ALL_OLD or NONE is refused',
      tables: { T: hashTable() },
      items: { T: [stored] },
      steps: [
        {
          op: 'PutItem',
          body: {
            TableName: '$T',
            Item: key,
            ...failing,
            ReturnValuesOnConditionCheckFailure: 'ALL_NEW',
          },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'with-return-values',
      title: 'ReturnValues and ReturnValuesOnConditionCheckFailure together, failing',
      tables: { T: hashTable() },
      items: { T: [stored] },
      steps: [
        {
          op: 'UpdateItem',
          body: {
            TableName: '$T',
            Key: key,
            UpdateExpression: 'SET w = :two',
            ...failing,
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
          expect: 'ConditionalCheckFailedException',
        },
      ],
    },
    {
      id: 'composite-key-all-old',
      title: 'ALL_OLD on failure with a composite key returns the whole item',
      tables: { T: hashRangeTable() },
      items: { T: [{ pk: { S: 'a' }, sk: { S: 'b' }, v: { N: '1' } }] },
      steps: [
        {
          op: 'DeleteItem',
          body: {
            TableName: '$T',
            Key: { pk: { S: 'a' }, sk: { S: 'b' } },
            ...failing,
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
          expect: 'ConditionalCheckFailedException',
        },
      ],
    },
    {
      id: 'legacy-expected-all-old',
      title: 'ALL_OLD on failure with the legacy Expected parameter',
      tables: { T: hashTable() },
      items: { T: [stored] },
      steps: [
        {
          op: 'PutItem',
          body: {
            TableName: '$T',
            Item: key,
            Expected: { v: { Value: { N: '2' } } },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
          expect: 'ConditionalCheckFailedException',
        },
      ],
    },
  ],
}
