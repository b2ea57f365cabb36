import type { CorpusArea } from '../src/diff-case.js'
import { hashRangeTable, hashTable } from './tables.js'

const key = { pk: { S: 'a' } }
const everyType = {
  pk: { S: 'a' },
  s: { S: 'text' },
  n: { N: '-12.5' },
  b: { B: 'AAEC' },
  t: { BOOL: true },
  f: { BOOL: false },
  z: { NULL: true },
  l: { L: [{ S: 'x' }, { N: '1' }, { L: [] }, { M: {} }] },
  m: { M: { kid: { M: { leaf: { S: 'y' } } }, lst: { L: [{ BOOL: false }] } } },
  ss: { SS: ['b', 'a', 'c'] },
  ns: { NS: ['3', '1', '2.5'] },
  bs: { BS: ['AQ==', 'Ag=='] },
}

export const putGet: CorpusArea = {
  area: 'put-get',
  scope: 'item-api',
  cases: [
    {
      id: 'put-then-get',
      title: 'an item put is read back whole, its number in canonical form',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'PutItem',
          body: { TableName: '$T', Item: { ...key, v: { S: 'x' }, n: { N: '1.50' } } },
        },
        { op: 'GetItem', body: { TableName: '$T', Key: key } },
      ],
    },
    {
      id: 'every-attribute-type',
      title: 'every attribute type round-trips',
      tables: { T: hashTable() },
      steps: [
        { op: 'PutItem', body: { TableName: '$T', Item: everyType } },
        { op: 'GetItem', body: { TableName: '$T', Key: key, ConsistentRead: true } },
      ],
    },
    {
      id: 'get-missing-item',
      title: 'reading a missing item answers without Item',
      tables: { T: hashTable() },
      steps: [{ op: 'GetItem', body: { TableName: '$T', Key: { pk: { S: 'nobody' } } } }],
    },
    {
      id: 'put-overwrites',
      title: 'a second put replaces the whole item',
      tables: { T: hashTable() },
      items: { T: [{ ...key, old: { S: 'gone' } }] },
      steps: [
        { op: 'PutItem', body: { TableName: '$T', Item: { ...key, fresh: { S: 'here' } } } },
        { op: 'GetItem', body: { TableName: '$T', Key: key } },
      ],
    },
    {
      id: 'put-return-all-old',
      title: 'PutItem with ReturnValues ALL_OLD returns the replaced item',
      tables: { T: hashTable() },
      items: { T: [{ ...key, old: { N: '1' } }] },
      steps: [
        {
          op: 'PutItem',
          body: { TableName: '$T', Item: { ...key, fresh: { N: '2' } }, ReturnValues: 'ALL_OLD' },
        },
      ],
    },
    {
      id: 'put-return-all-old-new-item',
      title: 'PutItem with ReturnValues ALL_OLD on a new item returns no Attributes',
      tables: { T: hashTable() },
      steps: [{ op: 'PutItem', body: { TableName: '$T', Item: key, ReturnValues: 'ALL_OLD' } }],
    },
    {
      id: 'put-return-all-new-refused',
      title: 'PutItem takes only NONE or ALL_OLD as ReturnValues',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'PutItem',
          body: { TableName: '$T', Item: key, ReturnValues: 'ALL_NEW' },
          expect: 'ValidationException',
        },
        { op: 'GetItem', body: { TableName: '$T', Key: key } },
      ],
    },
    {
      id: 'projection-top-level',
      title: 'ProjectionExpression returns only the named attributes',
      tables: { T: hashTable() },
      items: { T: [everyType] },
      steps: [
        {
          op: 'GetItem',
          body: { TableName: '$T', Key: key, ProjectionExpression: 's, n, absent' },
        },
      ],
    },
    {
      id: 'projection-nested-paths',
      title: 'projection of map members and list elements keeps their nesting',
      tables: { T: hashTable() },
      items: { T: [everyType] },
      steps: [
        {
          op: 'GetItem',
          body: {
            TableName: '$T',
            Key: key,
            ProjectionExpression: 'm.kid.leaf, l[1], l[3], m.lst[0]',
          },
        },
      ],
    },
    {
      id: 'projection-with-names',
      title: 'projection through ExpressionAttributeNames, a reserved word among them',
      tables: { T: hashTable() },
      items: { T: [{ ...key, name: { S: 'n' }, 'a.b': { S: 'dotted' } }] },
      steps: [
        {
          op: 'GetItem',
          body: {
            TableName: '$T',
            Key: key,
            ProjectionExpression: '#n, #d',
            ExpressionAttributeNames: { '#n': 'name', '#d': 'a.b' },
          },
        },
      ],
    },
    {
      id: 'projection-reserved-word-refused',
      title: 'a reserved word used directly in a projection is refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'GetItem',
          body: { TableName: '$T', Key: key, ProjectionExpression: 'status' },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'projection-unused-name-refused',
      title: 'an ExpressionAttributeNames entry the expression does not use is refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'GetItem',
          body: {
            TableName: '$T',
            Key: key,
            ProjectionExpression: 'v',
            ExpressionAttributeNames: { '#unused': 'x' },
          },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'projection-overlapping-paths-refused',
      title: 'a projection naming a path and a path inside it is refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'GetItem',
          body: { TableName: '$T', Key: key, ProjectionExpression: 'm, m.kid' },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'projection-duplicate-paths-refused',
      title: 'a projection naming the same path twice is refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'GetItem',
          body: { TableName: '$T', Key: key, ProjectionExpression: 'v, v' },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'get-key-wrong-type',
      title: 'a key of the wrong type is refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'GetItem',
          body: { TableName: '$T', Key: { pk: { N: '1' } } },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'get-key-extra-attribute',
      title: 'a Key with an attribute beyond the key schema is refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'GetItem',
          body: { TableName: '$T', Key: { ...key, other: { S: 'x' } } },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'get-missing-sort-key',
      title: 'a Key without the sort key is refused',
      tables: { T: hashRangeTable() },
      steps: [
        { op: 'GetItem', body: { TableName: '$T', Key: key }, expect: 'ValidationException' },
      ],
    },
    {
      id: 'put-missing-sort-key',
      title: 'an item without the sort key is refused',
      tables: { T: hashRangeTable() },
      steps: [
        {
          op: 'PutItem',
          body: { TableName: '$T', Item: { ...key, v: { S: 'x' } } },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'put-empty-string-attribute',
      title: 'an empty string is allowed outside the key',
      tables: { T: hashTable() },
      steps: [
        { op: 'PutItem', body: { TableName: '$T', Item: { ...key, e: { S: '' }, eb: { B: '' } } } },
        { op: 'GetItem', body: { TableName: '$T', Key: key } },
      ],
    },
    {
      id: 'put-empty-set-refused',
      title: 'an empty set is refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'PutItem',
          body: { TableName: '$T', Item: { ...key, ss: { SS: [] } } },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'put-duplicate-set-member-refused',
      title: 'a string set holding the same member twice is refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'PutItem',
          body: { TableName: '$T', Item: { ...key, ss: { SS: ['x', 'x'] } } },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'put-missing-table',
      title: 'writing to a table that does not exist answers ResourceNotFoundException',
      steps: [
        {
          op: 'PutItem',
          body: { TableName: 'no-such-table-differential', Item: key },
          expect: 'ResourceNotFoundException',
        },
      ],
    },
    {
      id: 'missing-table-message',
      title: 'the message of ResourceNotFoundException',
      steps: [
        {
          op: 'GetItem',
          body: { TableName: 'no-such-table-differential', Key: key },
          expect: 'ResourceNotFoundException',
          compare: { message: true },
        },
      ],
      serviceDiffers: {
        service:
          'the message is "Requested resource not found"; DynamoDB Local says "Cannot do operations on a non-existent table"',
        source:
          'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html',
      },
    },
    {
      id: 'conditional-check-message',
      title: 'the message of ConditionalCheckFailedException',
      tables: { T: hashTable() },
      items: { T: [key] },
      steps: [
        {
          op: 'PutItem',
          body: { TableName: '$T', Item: key, ConditionExpression: 'attribute_not_exists(pk)' },
          expect: 'ConditionalCheckFailedException',
          compare: { message: true },
        },
      ],
    },
    {
      id: 'delete-return-all-old',
      title: 'DeleteItem with ALL_OLD returns the deleted item, and it is gone',
      tables: { T: hashTable() },
      items: { T: [{ ...key, v: { S: 'x' } }] },
      steps: [
        { op: 'DeleteItem', body: { TableName: '$T', Key: key, ReturnValues: 'ALL_OLD' } },
        { op: 'GetItem', body: { TableName: '$T', Key: key } },
      ],
    },
    {
      id: 'delete-missing-item',
      title: 'deleting a missing item succeeds and returns nothing',
      tables: { T: hashTable() },
      steps: [{ op: 'DeleteItem', body: { TableName: '$T', Key: key, ReturnValues: 'ALL_OLD' } }],
    },
    {
      id: 'delete-return-all-new-refused',
      title: 'DeleteItem with ReturnValues ALL_NEW is refused and deletes nothing',
      tables: { T: hashTable() },
      items: { T: [{ ...key, v: { S: 'kept' } }] },
      steps: [
        {
          op: 'DeleteItem',
          body: { TableName: '$T', Key: key, ReturnValues: 'ALL_NEW' },
          expect: 'ValidationException',
        },
        { op: 'GetItem', body: { TableName: '$T', Key: key } },
      ],
    },
    {
      id: 'binary-key',
      title: 'a binary partition key round-trips',
      tables: { T: hashTable('B') },
      steps: [
        { op: 'PutItem', body: { TableName: '$T', Item: { pk: { B: 'AP8=' }, v: { S: 'bin' } } } },
        { op: 'GetItem', body: { TableName: '$T', Key: { pk: { B: 'AP8=' } } } },
      ],
    },
    {
      id: 'number-key-canonical',
      title: 'number keys are equal whatever their spelling',
      tables: { T: hashTable('N') },
      steps: [
        { op: 'PutItem', body: { TableName: '$T', Item: { pk: { N: '10.0' }, v: { S: 'x' } } } },
        { op: 'GetItem', body: { TableName: '$T', Key: { pk: { N: '1E1' } } } },
      ],
    },
  ],
}
