import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import { type FidelityCase, ok, table, validation } from '../support/fidelity-case.js'

/** `levels` Maps inside one another around a String. */
const nestedMaps = (levels: number): AttributeValue => {
  let value: AttributeValue = { S: 'leaf' }
  for (let level = 0; level < levels; level++) value = { M: { a: value } }
  return value
}
/** `levels` Lists inside one another around a String. */
const nestedLists = (levels: number): AttributeValue => {
  let value: AttributeValue = { S: 'leaf' }
  for (let level = 0; level < levels; level++) value = { L: [value] }
  return value
}

const key = { pk: { S: 'a' } }
const emptyName = validation('Empty attribute name')
const tooDeep = validation(
  'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit',
)
const scanCount = (count: number) => ({
  op: 'Scan' as const,
  input: { TableName: '$T', Select: 'COUNT' },
  expect: ok({ Count: count }),
})

/** Attribute names must not be empty, and values nest at most as deep as DynamoDB allows. */
export const attributeShapeCases: FidelityCase[] = [
  {
    name: 'an attribute named "" is refused wherever a request names one',
    tables: { $T: table({ items: [key] }) },
    steps: [
      {
        op: 'PutItem',
        input: { TableName: '$T', Item: { ...key, '': { S: 'x' } } },
        expect: emptyName,
      },
      {
        op: 'PutItem',
        input: { TableName: '$T', Item: { ...key, m: { M: { '': { S: 'x' } } } } },
        expect: emptyName,
      },
      {
        op: 'PutItem',
        input: { TableName: '$T', Item: { ...key, l: { L: [{ M: { '': { N: '1' } } }] } } },
        expect: emptyName,
      },
      {
        op: 'BatchWriteItem',
        input: {
          RequestItems: { $T: [{ PutRequest: { Item: { pk: { S: 'b' }, '': { S: 'x' } } } }] },
        },
        expect: emptyName,
      },
      {
        op: 'UpdateItem',
        input: {
          TableName: '$T',
          Key: key,
          UpdateExpression: 'SET #a = :v',
          ExpressionAttributeNames: { '#a': '' },
          ExpressionAttributeValues: { ':v': { S: 'x' } },
        },
        expect: validation(
          'ExpressionAttributeNames contains invalid value: Empty attribute name for key #a',
        ),
      },
      {
        op: 'GetItem',
        input: {
          TableName: '$T',
          Key: key,
          ProjectionExpression: '#a',
          ExpressionAttributeNames: { '#a': '' },
        },
        expect: validation(
          'ExpressionAttributeNames contains invalid value: Empty attribute name for key #a',
        ),
      },
      {
        op: 'PutItem',
        input: {
          TableName: '$T',
          Item: key,
          ConditionExpression: 'x = :v',
          ExpressionAttributeValues: { ':v': { M: { '': { S: 'x' } } } },
        },
        expect: validation(
          'ExpressionAttributeValues contains invalid value: Empty attribute name for key :v',
        ),
      },
      {
        op: 'GetItem',
        input: { TableName: '$T', Key: key, AttributesToGet: [''] },
        expect: emptyName,
      },
      {
        op: 'GetItem',
        input: { TableName: '$T', Key: { ...key, '': { S: 'x' } } },
        expect: emptyName,
      },
      {
        op: 'UpdateItem',
        input: {
          TableName: '$T',
          Key: key,
          AttributeUpdates: { '': { Action: 'PUT', Value: { S: 'x' } } },
        },
        expect: emptyName,
      },
      {
        op: 'PutItem',
        input: { TableName: '$T', Item: key, Expected: { '': { Exists: false } } },
        expect: emptyName,
      },
      {
        op: 'Scan',
        input: { TableName: '$T', ScanFilter: { '': { ComparisonOperator: 'NULL' } } },
        expect: emptyName,
      },
      {
        op: 'BatchGetItem',
        input: { RequestItems: { $T: { Keys: [key], AttributesToGet: [''] } } },
        expect: emptyName,
      },
      { op: 'GetItem', input: { TableName: '$T', Key: key }, expect: ok({ Item: key }) },
    ],
  },
  {
    name: 'an attribute of an item holds at most 31 Maps or Lists inside one another',
    tables: { $T: table() },
    steps: [
      {
        op: 'PutItem',
        input: { TableName: '$T', Item: { ...key, d: nestedMaps(32) } },
        expect: tooDeep,
      },
      {
        op: 'PutItem',
        input: { TableName: '$T', Item: { ...key, d: nestedLists(32) } },
        expect: tooDeep,
      },
      {
        op: 'BatchWriteItem',
        input: { RequestItems: { $T: [{ PutRequest: { Item: { ...key, d: nestedMaps(32) } } }] } },
        expect: tooDeep,
      },
      { op: 'GetItem', input: { TableName: '$T', Key: { pk: nestedMaps(33) } }, expect: tooDeep },
      scanCount(0),
      {
        op: 'PutItem',
        input: { TableName: '$T', Item: { ...key, d: nestedMaps(31) } },
        expect: ok(),
      },
      {
        op: 'PutItem',
        input: { TableName: '$T', Item: { ...key, d: nestedLists(31) } },
        expect: ok(),
      },
      {
        op: 'GetItem',
        input: { TableName: '$T', Key: key },
        expect: ok({ Item: { ...key, d: nestedLists(31) } }),
      },
    ],
  },
  {
    name: 'a value given in a request holds at most 32; an update result at most 31',
    tables: { $T: table({ items: [{ ...key, d: nestedMaps(31) }] }) },
    steps: [
      {
        op: 'Scan',
        input: {
          TableName: '$T',
          FilterExpression: 'x = :v',
          ExpressionAttributeValues: { ':v': nestedMaps(32) },
        },
        expect: ok({ Count: 0, ScannedCount: 1 }),
      },
      {
        op: 'Scan',
        input: {
          TableName: '$T',
          FilterExpression: 'x = :v',
          ExpressionAttributeValues: { ':v': nestedMaps(33) },
        },
        expect: validation(
          'ExpressionAttributeValues contains invalid value: Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit for key :v',
        ),
      },
      {
        op: 'UpdateItem',
        input: {
          TableName: '$T',
          Key: key,
          UpdateExpression: 'SET e = :v',
          ExpressionAttributeValues: { ':v': nestedMaps(32) },
        },
        expect: validation('Nesting Levels have exceeded supported limits'),
      },
      {
        op: 'UpdateItem',
        input: {
          TableName: '$T',
          Key: key,
          UpdateExpression: `SET d${'.a'.repeat(31)} = :v`,
          ExpressionAttributeValues: { ':v': { M: {} } },
        },
        expect: validation('Nesting Levels have exceeded supported limits'),
      },
      {
        op: 'UpdateItem',
        input: {
          TableName: '$T',
          Key: key,
          AttributeUpdates: { e: { Action: 'PUT', Value: nestedMaps(33) } },
        },
        expect: tooDeep,
      },
      {
        op: 'GetItem',
        input: { TableName: '$T', Key: key },
        expect: ok({ Item: { ...key, d: nestedMaps(31) } }),
      },
      {
        op: 'UpdateItem',
        input: {
          TableName: '$T',
          Key: key,
          UpdateExpression: `SET d${'.a'.repeat(30)} = :v`,
          ExpressionAttributeValues: { ':v': { M: { a: { S: 'y' } } } },
        },
        expect: ok(),
      },
    ],
  },
]
