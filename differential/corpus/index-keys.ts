import type { CorpusArea, DiffCase, Item } from '../src/diff-case.js'
import { indexedTable } from './tables.js'

const base = { pk: { S: 'p' }, sk: { S: 's' } }

function put(
  id: string,
  title: string,
  item: Item,
  expect = 'ValidationException',
  gskType: 'S' | 'N' = 'S',
): DiffCase {
  return {
    id,
    title,
    tables: { T: indexedTable({ ProjectionType: 'ALL' }, gskType) },
    steps: [
      { op: 'PutItem', body: { TableName: '$T', Item: item }, expect },
      { op: 'Scan', body: { TableName: '$T', Select: 'COUNT' } },
    ],
  }
}

function update(
  id: string,
  title: string,
  expression: string,
  values: Record<string, unknown>,
  expect = 'ValidationException',
): DiffCase {
  return {
    id,
    title,
    tables: { T: indexedTable() },
    items: { T: [{ ...base, gpk: { S: 'g' }, gsk: { S: 'x' } }] },
    steps: [
      {
        op: 'UpdateItem',
        body: {
          TableName: '$T',
          Key: base,
          UpdateExpression: expression,
          ExpressionAttributeValues: values,
        },
        expect,
      },
      { op: 'GetItem', body: { TableName: '$T', Key: base } },
    ],
  }
}

export const indexKeys: CorpusArea = {
  area: 'index-keys',
  scope: 'item-api',
  cases: [
    put(
      'gsi-sort-key-1024-bytes',
      'a global index sort key of 1024 bytes is accepted',
      { ...base, gpk: { S: 'g' }, gsk: { S: 'x'.repeat(1024) } },
      'ok',
    ),
    put('gsi-sort-key-1025-bytes-refused', 'a global index sort key of 1025 bytes is refused', {
      ...base,
      gpk: { S: 'g' },
      gsk: { S: 'x'.repeat(1025) },
    }),
    put(
      'gsi-sort-key-1100-character-email-refused',
      'a 1,100-character email as a global index sort key is refused',
      { ...base, gpk: { S: 'USER#' }, gsk: { S: `USER#${'e'.repeat(1088)}@example.com` } },
    ),
    put(
      'gsi-partition-key-2048-bytes',
      'a global index partition key of 2048 bytes is accepted',
      { ...base, gpk: { S: 'g'.repeat(2048) }, gsk: { S: 'x' } },
      'ok',
    ),
    put(
      'gsi-partition-key-2049-bytes-refused',
      'a global index partition key of 2049 bytes is refused',
      { ...base, gpk: { S: 'g'.repeat(2049) }, gsk: { S: 'x' } },
    ),
    put(
      'gsi-empty-partition-key-refused',
      'an empty string as a global index partition key is refused',
      { ...base, gpk: { S: '' }, gsk: { S: 'x' } },
    ),
    put('gsi-empty-sort-key-refused', 'an empty string as a global index sort key is refused', {
      ...base,
      gpk: { S: 'g' },
      gsk: { S: '' },
    }),
    put('lsi-empty-sort-key-refused', 'an empty string as a local index sort key is refused', {
      ...base,
      lsk: { S: '' },
    }),
    put('lsi-sort-key-1025-bytes-refused', 'a local index sort key of 1025 bytes is refused', {
      ...base,
      lsk: { S: 'x'.repeat(1025) },
    }),
    put('gsi-key-wrong-type-refused', 'a global index key of the wrong type is refused', {
      ...base,
      gpk: { N: '1' },
      gsk: { S: 'x' },
    }),
    put(
      'gsi-number-sort-key-as-string-refused',
      'a string where the index sort key is a number is refused',
      { ...base, gpk: { S: 'g' }, gsk: { S: '1' } },
      'ValidationException',
      'N',
    ),
    put(
      'sparse-index-item',
      'an item without the index keys is accepted',
      { ...base, v: { S: 'no index keys' } },
      'ok',
    ),
    put(
      'index-key-half-present',
      'an item with only the index partition key is accepted',
      { ...base, gpk: { S: 'g' } },
      'ok',
    ),
    update(
      'update-gsi-sort-key-too-long-refused',
      'an update setting a global index sort key over 1024 bytes is refused',
      'SET gsk = :v',
      { ':v': { S: 'x'.repeat(1025) } },
    ),
    update(
      'update-gsi-key-empty-refused',
      'an update setting a global index key to "" is refused',
      'SET gpk = :v',
      { ':v': { S: '' } },
    ),
    update(
      'update-gsi-key-wrong-type-refused',
      'an update setting a global index key to the wrong type is refused',
      'SET gsk = :v',
      { ':v': { N: '1' } },
    ),
    update(
      'update-moves-item-in-index',
      'an update of an index key moves the item in the index',
      'SET gsk = :v',
      { ':v': { S: 'moved' } },
      'ok',
    ),
    {
      id: 'batch-write-gsi-sort-key-too-long-refused',
      title: 'BatchWriteItem with a global index sort key over 1024 bytes is refused',
      tables: { T: indexedTable() },
      steps: [
        {
          op: 'BatchWriteItem',
          body: {
            RequestItems: {
              $T: [
                {
                  PutRequest: { Item: { ...base, gpk: { S: 'g' }, gsk: { S: 'x'.repeat(1025) } } },
                },
              ],
            },
          },
          expect: 'ValidationException',
        },
        { op: 'Scan', body: { TableName: '$T', Select: 'COUNT' } },
      ],
    },
    {
      id: 'index-follows-updates-and-deletes',
      title: 'a global index Query after an update and a delete',
      tables: { T: indexedTable() },
      items: {
        T: [
          { pk: { S: 'p1' }, sk: { S: 's' }, gpk: { S: 'g' }, gsk: { S: '1' } },
          { pk: { S: 'p2' }, sk: { S: 's' }, gpk: { S: 'g' }, gsk: { S: '2' } },
          { pk: { S: 'p3' }, sk: { S: 's' }, gpk: { S: 'g' }, gsk: { S: '3' } },
        ],
      },
      steps: [
        { op: 'DeleteItem', body: { TableName: '$T', Key: { pk: { S: 'p1' }, sk: { S: 's' } } } },
        {
          op: 'UpdateItem',
          body: {
            TableName: '$T',
            Key: { pk: { S: 'p2' }, sk: { S: 's' } },
            UpdateExpression: 'REMOVE gsk',
          },
        },
        {
          op: 'PutItem',
          body: {
            TableName: '$T',
            Item: { pk: { S: 'p3' }, sk: { S: 's' }, gpk: { S: 'h' }, gsk: { S: '3' } },
          },
        },
        {
          op: 'Query',
          body: {
            TableName: '$T',
            IndexName: 'gsi1',
            KeyConditionExpression: 'gpk = :g',
            ExpressionAttributeValues: { ':g': { S: 'g' } },
          },
        },
      ],
    },
    {
      id: 'gsi-number-keys-canonical',
      title: 'a number index key is found whatever its spelling',
      tables: { T: indexedTable({ ProjectionType: 'KEYS_ONLY' }, 'N') },
      items: { T: [{ ...base, gpk: { S: 'g' }, gsk: { N: '10.0' } }] },
      steps: [
        {
          op: 'Query',
          body: {
            TableName: '$T',
            IndexName: 'gsi1',
            KeyConditionExpression: 'gpk = :g AND gsk = :n',
            ExpressionAttributeValues: { ':g': { S: 'g' }, ':n': { N: '1E1' } },
          },
        },
      ],
    },
  ],
}
