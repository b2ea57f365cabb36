import type { CorpusArea } from '../src/diff-case.js'
import { hashRangeTable, hashTable } from './tables.js'

const item = (pk: string, extra: Record<string, unknown> = {}) => ({ pk: { S: pk }, ...extra })
const keyOf = (pk: string) => ({ pk: { S: pk } })
const putRequest = (pk: string) => ({ PutRequest: { Item: item(pk, { v: { S: pk } }) } })
const deleteRequest = (pk: string) => ({ DeleteRequest: { Key: keyOf(pk) } })
export const batchGetWrite: CorpusArea = {
  area: 'batch-get-write',
  scope: 'item-api',
  cases: [
    {
      id: 'write-puts-and-deletes',
      title: 'BatchWriteItem puts and deletes in one call',
      tables: { T: hashTable() },
      items: { T: [item('old1'), item('old2')] },
      steps: [
        {
          op: 'BatchWriteItem',
          body: {
            RequestItems: { $T: [putRequest('n1'), putRequest('n2'), deleteRequest('old1')] },
          },
        },
        { op: 'Scan', body: { TableName: '$T' } },
      ],
    },
    {
      id: 'write-two-tables',
      title: 'BatchWriteItem across two tables',
      tables: { T: hashTable(), U: hashTable() },
      steps: [
        {
          op: 'BatchWriteItem',
          body: {
            RequestItems: { $T: [putRequest('a')], $U: [putRequest('b'), deleteRequest('c')] },
          },
        },
        { op: 'Scan', body: { TableName: '$U' } },
      ],
    },
    {
      id: 'write-25-items',
      title: 'BatchWriteItem takes 25 requests',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'BatchWriteItem',
          body: { RequestItems: { $T: Array.from({ length: 25 }, (_, i) => putRequest(`k${i}`)) } },
        },
        { op: 'Scan', body: { TableName: '$T', Select: 'COUNT' } },
      ],
    },
    {
      id: 'write-26-items-refused',
      title: 'BatchWriteItem with 26 requests is refused and writes nothing',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'BatchWriteItem',
          body: { RequestItems: { $T: Array.from({ length: 26 }, (_, i) => putRequest(`k${i}`)) } },
          expect: 'ValidationException',
        },
        { op: 'Scan', body: { TableName: '$T', Select: 'COUNT' } },
      ],
    },
    {
      id: 'write-same-key-twice-refused',
      title: 'BatchWriteItem with the same key twice is refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'BatchWriteItem',
          body: { RequestItems: { $T: [putRequest('a'), deleteRequest('a')] } },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'write-put-and-delete-in-one-entry-refused',
      title: 'a BatchWriteItem entry with both PutRequest and DeleteRequest is refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'BatchWriteItem',
          body: {
            RequestItems: {
              $T: [{ PutRequest: { Item: item('a') }, DeleteRequest: { Key: keyOf('b') } }],
            },
          },
          expect: 'ValidationException',
        },
        { op: 'Scan', body: { TableName: '$T' } },
      ],
    },
    {
      id: 'write-empty-entry-refused',
      title: 'a BatchWriteItem entry with neither request is refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'BatchWriteItem',
          body: { RequestItems: { $T: [{}] } },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'write-empty-request-items-refused',
      title: 'BatchWriteItem without requests is refused',
      steps: [{ op: 'BatchWriteItem', body: { RequestItems: {} }, expect: 'ValidationException' }],
    },
    {
      id: 'write-missing-table',
      title: 'BatchWriteItem to a missing table',
      steps: [
        {
          op: 'BatchWriteItem',
          body: { RequestItems: { 'no-such-table-differential': [putRequest('a')] } },
          expect: 'ResourceNotFoundException',
        },
      ],
    },
    {
      id: 'write-key-missing-refused',
      title: 'a BatchWriteItem put without the key is refused',
      tables: { T: hashRangeTable() },
      steps: [
        {
          op: 'BatchWriteItem',
          body: { RequestItems: { $T: [putRequest('a')] } },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'write-item-too-large-refused',
      title: 'a BatchWriteItem put over 400 KB is refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'BatchWriteItem',
          body: {
            RequestItems: {
              $T: [{ PutRequest: { Item: item('a', { pad: { S: 'x'.repeat(410_000) } }) } }],
            },
          },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'write-consumed-capacity',
      title: 'BatchWriteItem with ReturnConsumedCapacity TOTAL',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'BatchWriteItem',
          body: {
            RequestItems: { $T: [putRequest('a'), putRequest('b')] },
            ReturnConsumedCapacity: 'TOTAL',
          },
        },
      ],
    },
    {
      id: 'get-two-tables',
      title: 'BatchGetItem across two tables, missing keys left out',
      tables: { T: hashTable(), U: hashTable() },
      items: { T: [item('a', { v: { N: '1' } }), item('b')], U: [item('c')] },
      steps: [
        {
          op: 'BatchGetItem',
          body: {
            RequestItems: {
              $T: { Keys: [keyOf('a'), keyOf('b'), keyOf('nothere')] },
              $U: { Keys: [keyOf('c')] },
            },
          },
        },
      ],
    },
    {
      id: 'get-projection',
      title: 'BatchGetItem with a ProjectionExpression and names',
      tables: { T: hashTable() },
      items: { T: [item('a', { v: { N: '1' }, w: { N: '2' } })] },
      steps: [
        {
          op: 'BatchGetItem',
          body: {
            RequestItems: {
              $T: {
                Keys: [keyOf('a')],
                ProjectionExpression: '#w',
                ExpressionAttributeNames: { '#w': 'w' },
              },
            },
          },
        },
      ],
    },
    {
      id: 'get-consistent-read',
      title: 'BatchGetItem with ConsistentRead',
      tables: { T: hashTable() },
      items: { T: [item('a')] },
      steps: [
        {
          op: 'BatchGetItem',
          body: { RequestItems: { $T: { Keys: [keyOf('a')], ConsistentRead: true } } },
        },
      ],
    },
    {
      id: 'get-100-keys',
      title: 'BatchGetItem takes 100 keys',
      tables: { T: hashTable() },
      items: { T: Array.from({ length: 10 }, (_, i) => item(`k${i}`)) },
      steps: [
        {
          op: 'BatchGetItem',
          body: {
            RequestItems: { $T: { Keys: Array.from({ length: 100 }, (_, i) => keyOf(`k${i}`)) } },
          },
        },
      ],
    },
    {
      id: 'get-101-keys-refused',
      title: 'BatchGetItem with 101 keys is refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'BatchGetItem',
          body: {
            RequestItems: { $T: { Keys: Array.from({ length: 101 }, (_, i) => keyOf(`k${i}`)) } },
          },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'get-duplicate-keys-refused',
      title: 'BatchGetItem with the same key twice is refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'BatchGetItem',
          body: { RequestItems: { $T: { Keys: [keyOf('a'), keyOf('a')] } } },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'get-empty-keys-refused',
      title: 'BatchGetItem with an empty Keys list is refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'BatchGetItem',
          body: { RequestItems: { $T: { Keys: [] } } },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'get-missing-table',
      title: 'BatchGetItem from a missing table',
      steps: [
        {
          op: 'BatchGetItem',
          body: { RequestItems: { 'no-such-table-differential': { Keys: [keyOf('a')] } } },
          expect: 'ResourceNotFoundException',
        },
      ],
    },
    {
      id: 'get-wrong-key-refused',
      title: 'BatchGetItem with a key of the wrong shape is refused',
      tables: { T: hashRangeTable() },
      steps: [
        {
          op: 'BatchGetItem',
          body: { RequestItems: { $T: { Keys: [keyOf('a')] } } },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'get-consumed-capacity',
      title: 'BatchGetItem with ReturnConsumedCapacity TOTAL',
      tables: { T: hashTable() },
      items: { T: [item('a')] },
      steps: [
        {
          op: 'BatchGetItem',
          body: { RequestItems: { $T: { Keys: [keyOf('a')] } }, ReturnConsumedCapacity: 'TOTAL' },
        },
      ],
    },
  ],
}
