import {
  conditionFailed,
  type FidelityCase,
  type Item,
  ok,
  table,
  validation,
} from '../support/fidelity-case.js'

// In UTF-8 byte order (DynamoDB's): a < é < U+E000 < ｡ (U+FF61) < ｱ (U+FF71) < U+FFFF < 😀.
// JavaScript's own `<` (UTF-16 code units) puts 😀 (a surrogate pair, 0xD83D...) before U+E000.
const strings = ['a', 'é', '\ue000', '\uff61', '\uff71', '\uffff', '😀']
const row = (sk: string): Item => ({ pk: { S: 'p' }, sk: { S: sk }, s: { S: sk } })
const rows = strings.map(row)
const p = { ':p': { S: 'p' } }

/** Strings compare by their UTF-8 bytes everywhere: key conditions, BETWEEN checks, filters, conditions. */
export const utf8OrderCases: FidelityCase[] = [
  {
    name: 'key condition BETWEEN U+FF61 AND 😀 is a valid range, answered in byte order',
    tables: { $T: table({ sortKey: 'S', items: rows }) },
    steps: [
      {
        op: 'Query',
        input: {
          TableName: '$T',
          KeyConditionExpression: 'pk = :p AND sk BETWEEN :a AND :b',
          ExpressionAttributeValues: { ...p, ':a': { S: '\uff61' }, ':b': { S: '😀' } },
        },
        ordered: true,
        expect: ok({ Items: [row('\uff61'), row('\uff71'), row('\uffff'), row('😀')], Count: 4 }),
      },
      {
        op: 'Query',
        input: {
          TableName: '$T',
          KeyConditions: {
            pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'p' }] },
            sk: {
              ComparisonOperator: 'BETWEEN',
              AttributeValueList: [{ S: '\uff61' }, { S: '😀' }],
            },
          },
        },
        ordered: true,
        expect: ok({ Items: [row('\uff61'), row('\uff71'), row('\uffff'), row('😀')], Count: 4 }),
      },
      {
        op: 'Query',
        input: { TableName: '$T', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: p },
        ordered: true,
        expect: ok({ Items: rows, Count: 7, ScannedCount: 7 }),
      },
    ],
  },
  {
    name: 'BETWEEN 😀 AND U+E000 has its bounds reversed in UTF-8, in every form',
    tables: { $T: table({ sortKey: 'S', items: rows }) },
    steps: [
      {
        op: 'Query',
        input: {
          TableName: '$T',
          KeyConditionExpression: 'pk = :p AND sk BETWEEN :a AND :b',
          ExpressionAttributeValues: { ...p, ':a': { S: '😀' }, ':b': { S: '\ue000' } },
        },
        expect: validation(
          'Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {S:😀}, upper bound operand: AttributeValue: {S:\ue000}',
        ),
      },
      {
        op: 'Query',
        input: {
          TableName: '$T',
          KeyConditions: {
            pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'p' }] },
            sk: {
              ComparisonOperator: 'BETWEEN',
              AttributeValueList: [{ S: '😀' }, { S: '\ue000' }],
            },
          },
        },
        expect: validation(
          'The BETWEEN condition was provided a range where the lower bound is greater than the upper bound',
        ),
      },
      {
        op: 'Query',
        input: {
          TableName: '$T',
          KeyConditionExpression: 'pk = :p',
          FilterExpression: 's BETWEEN :a AND :b',
          ExpressionAttributeValues: { ...p, ':a': { S: '😀' }, ':b': { S: '\ue000' } },
        },
        expect: validation(
          'Invalid FilterExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {S:😀}, upper bound operand: AttributeValue: {S:\ue000}',
        ),
      },
      {
        op: 'Scan',
        input: {
          TableName: '$T',
          ScanFilter: {
            s: {
              ComparisonOperator: 'BETWEEN',
              AttributeValueList: [{ S: '😀' }, { S: '\ue000' }],
            },
          },
        },
        expect: validation(
          'The BETWEEN condition was provided a range where the lower bound is greater than the upper bound',
        ),
      },
      {
        op: 'PutItem',
        input: {
          TableName: '$T',
          Item: row('x'),
          Expected: {
            s: {
              ComparisonOperator: 'BETWEEN',
              AttributeValueList: [{ S: '😀' }, { S: '\ue000' }],
            },
          },
        },
        expect: validation(
          'The BETWEEN condition was provided a range where the lower bound is greater than the upper bound',
        ),
      },
    ],
  },
  {
    name: 'filters compare strings by UTF-8 bytes',
    tables: { $T: table({ sortKey: 'S', items: rows }) },
    steps: [
      {
        op: 'Query',
        input: {
          TableName: '$T',
          KeyConditionExpression: 'pk = :p',
          FilterExpression: 's < :v',
          ExpressionAttributeValues: { ...p, ':v': { S: '\uffff' } },
        },
        ordered: true,
        expect: ok({ Items: rows.slice(0, 5), Count: 5, ScannedCount: 7 }),
      },
      {
        op: 'Query',
        input: {
          TableName: '$T',
          KeyConditionExpression: 'pk = :p',
          FilterExpression: 's BETWEEN :a AND :b',
          ExpressionAttributeValues: { ...p, ':a': { S: '\uff61' }, ':b': { S: '😀' } },
        },
        ordered: true,
        expect: ok({ Items: rows.slice(3), Count: 4, ScannedCount: 7 }),
      },
      {
        op: 'Scan',
        input: {
          TableName: '$T',
          ScanFilter: { s: { ComparisonOperator: 'GT', AttributeValueList: [{ S: '\ue000' }] } },
        },
        expect: ok({ Items: rows.slice(3), Count: 4, ScannedCount: 7 }),
      },
      {
        op: 'Scan',
        input: {
          TableName: '$T',
          ScanFilter: { s: { ComparisonOperator: 'LT', AttributeValueList: [{ S: '\uffff' }] } },
        },
        expect: ok({ Count: 5, ScannedCount: 7 }),
      },
    ],
  },
  {
    name: 'conditions compare strings by UTF-8 bytes',
    tables: { $T: table({ items: [{ pk: { S: 'a' }, s: { S: '😀' } }] }) },
    steps: [
      {
        op: 'UpdateItem',
        input: {
          TableName: '$T',
          Key: { pk: { S: 'a' } },
          UpdateExpression: 'SET hit = :t',
          ConditionExpression: 's < :v',
          ExpressionAttributeValues: { ':v': { S: '\uffff' }, ':t': { BOOL: true } },
        },
        expect: conditionFailed(),
      },
      {
        op: 'UpdateItem',
        input: {
          TableName: '$T',
          Key: { pk: { S: 'a' } },
          UpdateExpression: 'SET hit = :t',
          ConditionExpression: 's > :v',
          ExpressionAttributeValues: { ':v': { S: '\ue000' }, ':t': { BOOL: true } },
        },
        expect: ok(),
      },
      {
        op: 'UpdateItem',
        input: {
          TableName: '$T',
          Key: { pk: { S: 'a' } },
          UpdateExpression: 'SET hit = :t',
          ConditionExpression: 's BETWEEN :a AND :b',
          ExpressionAttributeValues: {
            ':a': { S: '\uff61' },
            ':b': { S: '😀' },
            ':t': { BOOL: true },
          },
        },
        expect: ok(),
      },
      {
        op: 'PutItem',
        input: {
          TableName: '$T',
          Item: { pk: { S: 'a' }, s: { S: '😀' } },
          Expected: { s: { ComparisonOperator: 'GT', AttributeValueList: [{ S: '\ue000' }] } },
        },
        expect: ok(),
      },
    ],
  },
  {
    name: 'an ExclusiveStartKey is checked against a BETWEEN range in UTF-8 order',
    tables: { $T: table({ sortKey: 'S', items: rows }) },
    steps: [
      {
        op: 'Query',
        input: {
          TableName: '$T',
          KeyConditions: {
            pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'p' }] },
            sk: {
              ComparisonOperator: 'BETWEEN',
              AttributeValueList: [{ S: '\uff61' }, { S: '😀' }],
            },
          },
          ExclusiveStartKey: { pk: { S: 'p' }, sk: { S: '\uffff' } },
        },
        ordered: true,
        expect: ok({ Items: [row('😀')], Count: 1 }),
      },
    ],
  },
]
