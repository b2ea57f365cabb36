import type { CorpusArea } from '../src/diff-case.js'
import { hashTable } from './tables.js'

const ERRORS =
  'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html#Programming.Errors.MessagesAndCodes'

export const protocol: CorpusArea = {
  area: 'protocol',
  scope: 'protocol',
  cases: [
    {
      id: 'body-not-json',
      title: 'a body that is not JSON',
      tables: { T: hashTable() },
      steps: [{ op: 'GetItem', rawBody: '{"TableName": "$T", ', expect: 'InternalFailure' }],
      serviceDiffers: {
        service: '400 SerializationException: a client error, not a 500',
        source: ERRORS,
      },
    },
    {
      id: 'body-json-array',
      title: 'a body that is a JSON array',
      steps: [{ op: 'ListTables', rawBody: '[]', expect: 'InternalFailure' }],
      serviceDiffers: {
        service: '400 SerializationException: a client error, not a 500',
        source: ERRORS,
      },
    },
    {
      id: 'body-empty',
      title: 'an empty body',
      steps: [{ op: 'ListTables', rawBody: '', expect: 'InternalFailure' }],
      serviceDiffers: { service: 'a 400 client error, not a 500', source: ERRORS },
    },
    {
      id: 'unknown-operation',
      title: 'an operation DynamoDB does not have',
      steps: [{ op: 'FlyToTheMoon', body: {}, expect: 'UnknownOperationException' }],
    },
    {
      id: 'missing-target',
      title: 'no X-Amz-Target header',
      steps: [{ op: 'ListTables', target: null, body: {}, expect: 'InternalFailure' }],
      serviceDiffers: {
        service: '400 UnknownOperationException: a client error, not a 500',
        source: ERRORS,
      },
    },
    {
      id: 'json-1-1-content-type',
      title: 'the application/x-amz-json-1.1 content type',
      steps: [
        {
          op: 'ListTables',
          body: { Limit: 1 },
          headers: { 'content-type': 'application/x-amz-json-1.1' },
          compare: { fields: [] },
        },
      ],
    },
    {
      id: 'streams-list-streams',
      title: 'a DynamoDB Streams client listing streams',
      tables: {
        T: {
          ...hashTable(),
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
        },
      },
      steps: [
        {
          op: 'ListStreams',
          target: 'DynamoDBStreams_20120810.ListStreams',
          body: { TableName: '$T' },
          compare: { fields: [] },
        },
      ],
    },
    {
      id: 'partiql-execute-statement',
      title: 'a PartiQL SELECT',
      tables: { T: hashTable() },
      items: { T: [{ pk: { S: 'a' }, v: { N: '1' } }] },
      steps: [
        { op: 'ExecuteStatement', body: { Statement: 'SELECT * FROM "$T" WHERE pk = \'a\'' } },
      ],
    },
    {
      id: 'unicode-escapes',
      title: 'JSON unicode escapes in names and values',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'PutItem',
          rawBody:
            '{"TableName":"$T","Item":{"pk":{"S":"\\u00e9\\ud83d\\ude00"},"\\u0076":{"S":"\\u0041"}}}',
        },
        { op: 'GetItem', body: { TableName: '$T', Key: { pk: { S: 'é😀' } } } },
      ],
    },
  ],
}
