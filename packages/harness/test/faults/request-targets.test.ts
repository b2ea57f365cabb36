import { describe, expect, test } from 'vitest'
import { requestTargets } from '../../src/features/faults/request-targets.js'

describe('requestTargets', () => {
  test('reads the tables and keys of every part of a transaction', () => {
    expect(
      requestTargets('TransactWriteItems', {
        TransactItems: [
          { Put: { TableName: 'a', Item: { pk: { S: '1' } } } },
          { Update: { TableName: 'b', Key: { pk: { S: '2' } } } },
          { Delete: { TableName: 'a', Key: { pk: { S: '3' } } } },
          { ConditionCheck: { TableName: 'c', Key: { pk: { S: '4' } } } },
        ],
      }),
    ).toEqual([
      { table: 'a', item: { pk: { S: '1' } } },
      { table: 'b', key: { pk: { S: '2' } } },
      { table: 'a', key: { pk: { S: '3' } } },
      { table: 'c', key: { pk: { S: '4' } } },
    ])
    expect(
      requestTargets('TransactGetItems', {
        TransactItems: [{ Get: { TableName: 'a', Key: { pk: { S: '1' } } } }],
      }),
    ).toEqual([{ table: 'a', key: { pk: { S: '1' } } }])
  })

  test('reads the table of a tag operation from its ARN', () => {
    expect(
      requestTargets('TagResource', {
        ResourceArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/next-auth',
      }),
    ).toEqual([{ table: 'next-auth' }])
  })

  test('reads the values of a legacy KeyConditions Query', () => {
    expect(
      requestTargets('Query', {
        TableName: 't',
        KeyConditions: { pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'USER#1' }] } },
      }),
    ).toEqual([{ table: 't', keyConditionValues: [{ S: 'USER#1' }] }])
  })

  test.each([
    ['PutItem', { TableName: 7, Item: 'x' }],
    ['BatchWriteItem', { RequestItems: 'x' }],
    ['BatchGetItem', { RequestItems: { t: { Keys: 'x' } } }],
    ['TransactWriteItems', { TransactItems: [null, 1, { Put: null }] }],
    ['Query', { TableName: 't', KeyConditionExpression: 3 }],
  ])('never throws on a malformed %s', (operation, payload) => {
    expect(() => requestTargets(operation, payload)).not.toThrow()
  })
})
