import type { AttributeValue, CorpusArea, DiffCase } from '../src/diff-case.js'
import { hashRangeTable, hashTable } from './tables.js'

/** `depth` maps, one inside the other, around a string. */
function nested(depth: number): AttributeValue {
  let value: AttributeValue = { S: 'leaf' }
  for (let level = 0; level < depth; level += 1) value = { M: { d: value } }
  return value
}

/** `depth` lists, one inside the other, around a string. */
function nestedLists(depth: number): AttributeValue {
  let value: AttributeValue = { S: 'leaf' }
  for (let level = 0; level < depth; level += 1) value = { L: [value] }
  return value
}

function put(
  id: string,
  title: string,
  item: Record<string, AttributeValue>,
  expect = 'ok',
  table = hashTable(),
): DiffCase {
  return {
    id,
    title,
    tables: { T: table },
    steps: [
      { op: 'PutItem', body: { TableName: '$T', Item: item }, expect },
      { op: 'Scan', body: { TableName: '$T', Select: 'COUNT' } },
    ],
  }
}

// An item's size is the UTF-8 length of its attribute names plus its values: here
// 'pk' (2) + 'a' (1) + 'pad' (3) + the padding.
const sizedItem = (padding: number) => ({ pk: { S: 'a' }, pad: { S: 'x'.repeat(padding) } })

export const limitsAndSizes: CorpusArea = {
  area: 'limits-and-sizes',
  scope: 'item-api',
  cases: [
    put('item-at-400-kb', 'an item of exactly 400 KB is accepted', sizedItem(409_600 - 6)),
    put(
      'item-over-400-kb-refused',
      'an item one byte over 400 KB is refused',
      sizedItem(409_600 - 5),
      'ValidationException',
    ),
    put('partition-key-2048-bytes', 'a partition key of 2048 bytes is accepted', {
      pk: { S: 'k'.repeat(2048) },
    }),
    put(
      'partition-key-2049-bytes-refused',
      'a partition key of 2049 bytes is refused',
      { pk: { S: 'k'.repeat(2049) } },
      'ValidationException',
    ),
    put(
      'partition-key-multibyte-refused',
      'a partition key of 1025 two-byte characters (2050 bytes) is refused',
      { pk: { S: 'é'.repeat(1025) } },
      'ValidationException',
    ),
    put(
      'sort-key-1024-bytes',
      'a sort key of 1024 bytes is accepted',
      { pk: { S: 'a' }, sk: { S: 's'.repeat(1024) } },
      'ok',
      hashRangeTable(),
    ),
    put(
      'sort-key-1025-bytes-refused',
      'a sort key of 1025 bytes is refused',
      { pk: { S: 'a' }, sk: { S: 's'.repeat(1025) } },
      'ValidationException',
      hashRangeTable(),
    ),
    put(
      'sort-key-multibyte-refused',
      'a sort key of 257 four-byte characters (1028 bytes) is refused',
      { pk: { S: 'a' }, sk: { S: '😀'.repeat(257) } },
      'ValidationException',
      hashRangeTable(),
    ),
    put(
      'binary-partition-key-2049-bytes-refused',
      'a binary partition key of 2049 bytes is refused',
      { pk: { B: Buffer.alloc(2049, 1).toString('base64') } },
      'ValidationException',
      hashTable('B'),
    ),
    // Levels counted from the attribute: m is level 1, the string inside 31 maps is level 32.
    put('nesting-32-levels', 'a value 32 levels deep (31 maps) is accepted', {
      pk: { S: 'a' },
      m: nested(31),
    }),
    put(
      'nesting-33-levels-refused',
      'a value 33 levels deep (32 maps) is refused',
      { pk: { S: 'a' }, m: nested(32) },
      'ValidationException',
    ),
    put(
      'list-nesting-33-levels-refused',
      'a value 33 levels deep (32 lists) is refused',
      { pk: { S: 'a' }, l: nestedLists(32) },
      'ValidationException',
    ),
    put(
      'empty-string-partition-key-refused',
      'an empty string partition key is refused',
      { pk: { S: '' } },
      'ValidationException',
    ),
    put(
      'empty-binary-partition-key-refused',
      'an empty binary partition key is refused',
      { pk: { B: '' } },
      'ValidationException',
      hashTable('B'),
    ),
    put(
      'empty-string-sort-key-refused',
      'an empty string sort key is refused',
      { pk: { S: 'a' }, sk: { S: '' } },
      'ValidationException',
      hashRangeTable(),
    ),
    put(
      'empty-attribute-name-refused',
      'an attribute named "" is refused',
      { pk: { S: 'a' }, '': { S: 'x' } },
      'ValidationException',
    ),
    put(
      'empty-map-key-refused',
      'a map member named "" is refused',
      { pk: { S: 'a' }, m: { M: { '': { S: 'x' } } } },
      'ValidationException',
    ),
    put('long-attribute-name', 'a non-key attribute name of 10,000 bytes is accepted', {
      pk: { S: 'a' },
      ['n'.repeat(10_000)]: { S: 'x' },
    }),
    put('many-attributes', 'an item of 1,000 attributes is accepted', {
      pk: { S: 'a' },
      ...Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`a${i}`, { N: String(i) }])),
    }),
    put('empty-string-in-set-allowed', 'a string set holding an empty string', {
      pk: { S: 'a' },
      ss: { SS: ['', 'x'] },
    }),
    {
      id: 'expression-over-4-kb-refused',
      title: 'a ConditionExpression over 4 KB is refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'PutItem',
          body: {
            TableName: '$T',
            Item: { pk: { S: 'a' } },
            ConditionExpression: Array.from({ length: 400 }, () => 'attribute_not_exists(pk)').join(
              ' AND ',
            ),
          },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'update-growing-item-over-400-kb-refused',
      title: 'an update that would grow the item past 400 KB is refused and changes nothing',
      tables: { T: hashTable() },
      items: { T: [sizedItem(300_000)] },
      steps: [
        {
          op: 'UpdateItem',
          body: {
            TableName: '$T',
            Key: { pk: { S: 'a' } },
            UpdateExpression: 'SET more = :v',
            ExpressionAttributeValues: { ':v': { S: 'y'.repeat(200_000) } },
          },
          expect: 'ValidationException',
        },
        {
          op: 'GetItem',
          body: { TableName: '$T', Key: { pk: { S: 'a' } }, ProjectionExpression: 'more' },
        },
      ],
    },
    {
      id: 'key-attribute-name-too-long-refused',
      title: 'a table whose key attribute name is over 255 bytes is refused',
      names: ['T'],
      steps: [
        {
          op: 'CreateTable',
          body: {
            TableName: '$T',
            KeySchema: [{ AttributeName: 'k'.repeat(256), KeyType: 'HASH' }],
            AttributeDefinitions: [{ AttributeName: 'k'.repeat(256), AttributeType: 'S' }],
            BillingMode: 'PAY_PER_REQUEST',
          },
          expect: 'ValidationException',
        },
      ],
    },
  ],
}
