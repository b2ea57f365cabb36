import type { CorpusArea, DiffCase } from '../src/diff-case.js'
import { hashTable } from './tables.js'

const serialization = {
  service: '400 SerializationException: a JSON value of the wrong type is refused',
  source:
    'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html#Programming.Errors.MessagesAndCodes',
}

const key = { pk: { S: 'a' } }

/** One request against a fresh table keyed by `pk`, answered with `expect` by DynamoDB Local. */
function oneRequest(
  id: string,
  title: string,
  op: string,
  body: Record<string, unknown> | string,
  expect = 'ValidationException',
): DiffCase {
  return {
    id,
    title,
    tables: { T: hashTable() },
    steps: [typeof body === 'string' ? { op, rawBody: body, expect } : { op, body, expect }],
  }
}

export const validationErrors: CorpusArea = {
  area: 'validation-errors',
  scope: 'item-api',
  cases: [
    oneRequest('missing-table-name', 'GetItem without TableName', 'GetItem', { Key: key }),
    oneRequest('table-name-too-short', 'a TableName of two characters', 'GetItem', {
      TableName: 'ab',
      Key: key,
    }),
    oneRequest('table-name-too-long', 'a TableName of 256 characters', 'GetItem', {
      TableName: 't'.repeat(256),
      Key: key,
    }),
    oneRequest('table-name-bad-characters', 'a TableName with a space', 'GetItem', {
      TableName: 'bad name',
      Key: key,
    }),
    oneRequest('missing-key', 'GetItem without Key', 'GetItem', { TableName: '$T' }),
    oneRequest('missing-item', 'PutItem without Item', 'PutItem', { TableName: '$T' }),
    oneRequest('value-with-two-types', 'an attribute value with two types set', 'PutItem', {
      TableName: '$T',
      Item: { ...key, v: { S: 'x', N: '1' } },
    }),
    oneRequest('value-with-no-type', 'an attribute value with no type', 'PutItem', {
      TableName: '$T',
      Item: { ...key, v: {} },
    }),
    oneRequest('number-not-numeric', 'a number that is not a number', 'PutItem', {
      TableName: '$T',
      Item: { ...key, v: { N: 'abc' } },
    }),
    oneRequest('number-empty', 'an empty number', 'PutItem', {
      TableName: '$T',
      Item: { ...key, v: { N: '' } },
    }),
    oneRequest('null-false', 'NULL set to false', 'PutItem', {
      TableName: '$T',
      Item: { ...key, v: { NULL: false } },
    }),
    oneRequest('number-set-duplicates', 'a number set holding 1 and 1.0', 'PutItem', {
      TableName: '$T',
      Item: { ...key, v: { NS: ['1', '1.0'] } },
    }),
    oneRequest('binary-set-duplicates', 'a binary set holding the same bytes twice', 'PutItem', {
      TableName: '$T',
      Item: { ...key, v: { BS: ['AQ==', 'AQ=='] } },
    }),
    oneRequest('unknown-type-key', 'an attribute value of an unknown type', 'PutItem', {
      TableName: '$T',
      Item: { ...key, v: { X: 'a' } },
    }),
    {
      ...oneRequest(
        'string-as-number-json',
        'an S holding a JSON number: DynamoDB Local takes it as a string',
        'PutItem',
        `{"TableName":"$T","Item":{"pk":{"S":"a"},"v":{"S":1}}}`,
        'ok',
      ),
      serviceDiffers: serialization,
    },
    {
      ...oneRequest(
        'bool-as-string-json',
        'a BOOL holding a JSON string: DynamoDB Local takes it',
        'PutItem',
        `{"TableName":"$T","Item":{"pk":{"S":"a"},"v":{"BOOL":"true"}}}`,
        'ok',
      ),
      serviceDiffers: serialization,
    },
    {
      ...oneRequest(
        'item-as-string-json',
        'an Item that is a JSON string: DynamoDB Local fails',
        'PutItem',
        `{"TableName":"$T","Item":"nope"}`,
        'InternalFailure',
      ),
      serviceDiffers: serialization,
    },
    {
      ...oneRequest(
        'limit-as-string-json',
        'a Limit that is a JSON string: DynamoDB Local takes it',
        'Scan',
        `{"TableName":"$T","Limit":"5"}`,
        'ok',
      ),
      serviceDiffers: serialization,
    },
    oneRequest('return-values-unknown', 'an unknown ReturnValues', 'PutItem', {
      TableName: '$T',
      Item: key,
      ReturnValues: 'SOME',
    }),
    {
      ...oneRequest(
        'return-consumed-capacity-unknown',
        'an unknown ReturnConsumedCapacity: DynamoDB Local ignores it',
        'GetItem',
        { TableName: '$T', Key: key, ReturnConsumedCapacity: 'ALL' },
        'ok',
      ),
      serviceDiffers: {
        service: '400 ValidationException: ReturnConsumedCapacity must be INDEXES, TOTAL or NONE',
        source:
          'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html#DDB-GetItem-request-ReturnConsumedCapacity',
      },
    },
    oneRequest('select-unknown', 'an unknown Select', 'Scan', {
      TableName: '$T',
      Select: 'EVERYTHING',
    }),
    oneRequest('limit-negative', 'a negative Limit', 'Scan', { TableName: '$T', Limit: -1 }),
    oneRequest('names-key-without-hash', 'an ExpressionAttributeNames key without #', 'GetItem', {
      TableName: '$T',
      Key: key,
      ProjectionExpression: 'v',
      ExpressionAttributeNames: { v: 'v' },
    }),
    oneRequest(
      'values-key-without-colon',
      'an ExpressionAttributeValues key without :',
      'PutItem',
      {
        TableName: '$T',
        Item: key,
        ConditionExpression: 'v = v1',
        ExpressionAttributeValues: { v1: { S: 'x' } },
      },
    ),
    oneRequest('values-empty-map', 'an empty ExpressionAttributeValues', 'PutItem', {
      TableName: '$T',
      Item: key,
      ConditionExpression: 'attribute_not_exists(pk)',
      ExpressionAttributeValues: {},
    }),
    oneRequest(
      'names-without-expression',
      'ExpressionAttributeNames without any expression',
      'GetItem',
      { TableName: '$T', Key: key, ExpressionAttributeNames: { '#v': 'v' } },
    ),
    oneRequest(
      'values-without-expression',
      'ExpressionAttributeValues without any expression',
      'PutItem',
      { TableName: '$T', Item: key, ExpressionAttributeValues: { ':v': { S: 'x' } } },
    ),
    oneRequest('empty-projection', 'an empty ProjectionExpression', 'GetItem', {
      TableName: '$T',
      Key: key,
      ProjectionExpression: '',
    }),
    oneRequest('empty-update-expression', 'an empty UpdateExpression', 'UpdateItem', {
      TableName: '$T',
      Key: key,
      UpdateExpression: '',
    }),
    oneRequest(
      'value-empty-set-in-values',
      'an empty set in ExpressionAttributeValues',
      'PutItem',
      {
        TableName: '$T',
        Item: key,
        ConditionExpression: 'v = :v',
        ExpressionAttributeValues: { ':v': { SS: [] } },
      },
    ),
    oneRequest(
      'return-values-on-get',
      'GetItem with ReturnValues is ignored or refused',
      'GetItem',
      { TableName: '$T', Key: key, ReturnValues: 'ALL_OLD' },
      'ok',
    ),
    oneRequest(
      'unknown-top-level-field',
      'an unknown top-level field is ignored',
      'GetItem',
      { TableName: '$T', Key: key, NotAField: 1 },
      'ok',
    ),
    oneRequest(
      'missing-table',
      'GetItem of a table that does not exist',
      'GetItem',
      { TableName: 'no-such-table-differential', Key: key },
      'ResourceNotFoundException',
    ),
    {
      ...oneRequest(
        'binary-not-base64',
        'a binary value that is not base64: DynamoDB Local fails',
        'PutItem',
        `{"TableName":"$T","Item":{"pk":{"S":"a"},"v":{"B":"!!!"}}}`,
        'InternalFailure',
      ),
      serviceDiffers: serialization,
    },
    {
      ...oneRequest(
        'list-as-object-json',
        'an L holding a JSON object: DynamoDB Local fails',
        'PutItem',
        `{"TableName":"$T","Item":{"pk":{"S":"a"},"v":{"L":{"x":1}}}}`,
        'InternalFailure',
      ),
      serviceDiffers: serialization,
    },
  ],
}
