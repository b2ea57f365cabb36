import type { CorpusArea, DiffCase, Item, Step } from '../src/diff-case.js'
import { hashTable, indexedTable } from './tables.js'

const key = { pk: { S: 'p' }, sk: { S: 's' } }
const indexed: Item = { ...key, gpk: { S: 'g' }, gsk: { S: 'x' }, lsk: { S: 'l' }, v: { N: '1' } }

function capacity(id: string, title: string, steps: Step[], items: Item[] = [indexed]): DiffCase {
  return { id, title, tables: { T: indexedTable() }, items: { T: items }, steps }
}

export const consumedCapacity: CorpusArea = {
  area: 'consumed-capacity',
  scope: 'item-api',
  cases: [
    capacity('put-total', 'PutItem with ReturnConsumedCapacity TOTAL on a table with indexes', [
      {
        op: 'PutItem',
        body: {
          TableName: '$T',
          Item: { ...indexed, v: { N: '2' } },
          ReturnConsumedCapacity: 'TOTAL',
        },
      },
    ]),
    capacity('put-indexes', 'PutItem with INDEXES breaks the writes down by index', [
      {
        op: 'PutItem',
        body: {
          TableName: '$T',
          Item: { ...indexed, v: { N: '2' } },
          ReturnConsumedCapacity: 'INDEXES',
        },
      },
    ]),
    capacity(
      'put-new-item-indexes',
      'a new item written to the table and both indexes, by index',
      [
        {
          op: 'PutItem',
          body: {
            TableName: '$T',
            Item: { ...indexed, sk: { S: 'other' } },
            ReturnConsumedCapacity: 'INDEXES',
          },
        },
      ],
      [],
    ),
    capacity(
      'update-moving-index-key-indexes',
      'an UpdateItem that moves the global index key, by index',
      [
        {
          op: 'UpdateItem',
          body: {
            TableName: '$T',
            Key: key,
            UpdateExpression: 'SET gsk = :v',
            ExpressionAttributeValues: { ':v': { S: 'y' } },
            ReturnConsumedCapacity: 'INDEXES',
          },
        },
      ],
    ),
    capacity('delete-indexes', 'DeleteItem of an indexed item, by index', [
      { op: 'DeleteItem', body: { TableName: '$T', Key: key, ReturnConsumedCapacity: 'INDEXES' } },
    ]),
    capacity(
      'get-eventual-and-consistent',
      'GetItem capacity, eventually and strongly consistent',
      [
        { op: 'GetItem', body: { TableName: '$T', Key: key, ReturnConsumedCapacity: 'TOTAL' } },
        {
          op: 'GetItem',
          body: {
            TableName: '$T',
            Key: key,
            ConsistentRead: true,
            ReturnConsumedCapacity: 'TOTAL',
          },
        },
      ],
    ),
    capacity('query-gsi-indexes', 'a Query of a global index reports the index', [
      {
        op: 'Query',
        body: {
          TableName: '$T',
          IndexName: 'gsi1',
          KeyConditionExpression: 'gpk = :g',
          ExpressionAttributeValues: { ':g': { S: 'g' } },
          ReturnConsumedCapacity: 'INDEXES',
        },
      },
    ]),
    capacity('scan-total', 'a Scan with ReturnConsumedCapacity TOTAL', [
      { op: 'Scan', body: { TableName: '$T', ReturnConsumedCapacity: 'TOTAL' } },
    ]),
    capacity('batch-write-indexes', 'BatchWriteItem with INDEXES, per table', [
      {
        op: 'BatchWriteItem',
        body: {
          RequestItems: {
            $T: [
              { PutRequest: { Item: { ...indexed, sk: { S: 'b' } } } },
              { DeleteRequest: { Key: key } },
            ],
          },
          ReturnConsumedCapacity: 'INDEXES',
        },
      },
    ]),
    {
      id: 'batch-get-indexes',
      title: 'BatchGetItem with INDEXES, per table',
      tables: { T: hashTable() },
      items: { T: [{ pk: { S: 'a' } }, { pk: { S: 'b' } }] },
      steps: [
        {
          op: 'BatchGetItem',
          body: {
            RequestItems: { $T: { Keys: [{ pk: { S: 'a' } }, { pk: { S: 'b' } }] } },
            ReturnConsumedCapacity: 'INDEXES',
          },
        },
      ],
    },
  ],
}
