import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import {
  conditionFailed,
  type Expected,
  type FidelityCase,
  type Item,
  ok,
  type Step,
  table,
  validation,
} from '../support/fidelity-case.js'

const bytes = (...values: number[]) => Uint8Array.from(values)

const item: Item = {
  pk: { S: 'a' },
  s: { S: '😀é' },
  n: { N: '10' },
  n2: { N: '10.0' },
  b: { B: bytes(0x80, 1) },
  b2: { B: bytes(0x7f) },
  ss: { SS: ['x', 'y'] },
  ns: { NS: ['1', '2'] },
  ns2: { NS: ['2', '1.0'] },
  bs: { BS: [bytes(1), bytes(2)] },
  l: { L: [{ S: 'x' }, { N: '1' }, { M: { k: { S: 'v' } } }, { L: [{ S: 'z' }] }] },
  m: { M: { k: { S: 'v' }, j: { N: '1' } } },
  m2: { M: { j: { N: '1' }, k: { S: 'v' } } },
  bo: { BOOL: true },
  nu: { NULL: true },
  e: { S: '' },
}

type Row = [expression: string, values: Record<string, AttributeValue>, holds: boolean | string]

// What DynamoDB Local 3.3 answers for each ConditionExpression on `item` (true: the write goes
// through; false: ConditionalCheckFailedException; a string: the ValidationException's message).
const truthTable: Row[] = [
  ['nope = :v', { ':v': { S: 'x' } }, false],
  ['nope <> :v', { ':v': { S: 'x' } }, true],
  ['nope < :v', { ':v': { S: 'x' } }, false],
  ['NOT (nope = :v)', { ':v': { S: 'x' } }, true],
  ['n <> :v', { ':v': { S: '10' } }, true],
  ['n = :v', { ':v': { N: '10.00' } }, true],
  ['n = n2', {}, true],
  ['ns = ns2', {}, true],
  ['m = m2', {}, true],
  ['m = :v', { ':v': { M: { j: { N: '1.0' }, k: { S: 'v' } } } }, true],
  [
    'l = :v',
    { ':v': { L: [{ S: 'x' }, { N: '1' }, { M: { k: { S: 'v' } } }, { L: [{ S: 'z' }] }] } },
    true,
  ],
  [
    'l = :v',
    { ':v': { L: [{ N: '1' }, { S: 'x' }, { M: { k: { S: 'v' } } }, { L: [{ S: 'z' }] }] } },
    false,
  ],
  ['bo = :v', { ':v': { BOOL: true } }, true],
  ['nu = :v', { ':v': { NULL: true } }, true],
  ['n = :v', { ':v': { NULL: true } }, false],
  ['b > b2', {}, true],
  ['b < :v', { ':v': { B: bytes(0x80, 2) } }, true],
  ['size(s) = :v', { ':v': { N: '3' } }, true],
  ['size(s) = :v', { ':v': { N: '6' } }, false],
  ['size(b) = :v', { ':v': { N: '2' } }, true],
  ['size(ss) = :v', { ':v': { N: '2' } }, true],
  ['size(l) = :v', { ':v': { N: '4' } }, true],
  ['size(m) = :v', { ':v': { N: '2' } }, true],
  ['size(e) = :v', { ':v': { N: '0' } }, true],
  ['size(n) = :v', { ':v': { N: '2' } }, false],
  ['size(nope) = :v', { ':v': { N: '0' } }, false],
  ['size(nope) <> :v', { ':v': { N: '0' } }, true],
  ['contains(s, :v)', { ':v': { S: 'é' } }, true],
  ['contains(ss, :v)', { ':v': { S: 'x' } }, true],
  ['contains(ns, :v)', { ':v': { N: '1.0' } }, true],
  ['contains(l, :v)', { ':v': { S: 'x' } }, true],
  ['contains(l, :v)', { ':v': { M: { k: { S: 'v' } } } }, true],
  ['contains(l, :v)', { ':v': { L: [{ S: 'z' }] } }, true],
  ['contains(l, :v)', { ':v': { N: '1.0' } }, true],
  ['contains(b, :v)', { ':v': { B: bytes(1) } }, true],
  ['contains(bs, :v)', { ':v': { B: bytes(2) } }, true],
  ['contains(m, :v)', { ':v': { S: 'k' } }, false],
  ['contains(ss, :v)', { ':v': { SS: ['x'] } }, false],
  ['contains(nope, :v)', { ':v': { S: 'x' } }, false],
  ['NOT contains(nope, :v)', { ':v': { S: 'x' } }, true],
  ['contains(ss, e)', {}, false],
  ['begins_with(s, :v)', { ':v': { S: '😀' } }, true],
  ['begins_with(b, :v)', { ':v': { B: bytes(0x80) } }, true],
  ['begins_with(nope, :v)', { ':v': { S: '' } }, false],
  ['begins_with(n, :v)', { ':v': { S: '1' } }, false],
  ['n IN (:a, :b)', { ':a': { S: '10' }, ':b': { N: '10.0' } }, true],
  ['n IN (nope, :b)', { ':b': { N: '10' } }, true],
  ['m IN (m2)', {}, true],
  ['ns IN (ns2, :b)', { ':b': { N: '10' } }, true],
  ['n BETWEEN :a AND :b', { ':a': { N: '9.99' }, ':b': { N: '10' } }, true],
  ['n BETWEEN nope AND :b', { ':b': { N: '11' } }, false],
  ['s BETWEEN n AND :b', { ':b': { S: '😀😀' } }, false],
  ['s BETWEEN :a AND :b', { ':a': { S: '\uffff' }, ':b': { S: '😀😀' } }, true],
  ['attribute_type(n, :t)', { ':t': { S: 'N' } }, true],
  ['attribute_type(nope, :t)', { ':t': { S: 'N' } }, false],
  ['NOT attribute_type(nope, :t)', { ':t': { S: 'N' } }, true],
  ['attribute_exists(l[2].k)', {}, true],
  ['attribute_exists(l[9])', {}, false],
  ['attribute_not_exists(m.k.z)', {}, true],
  ['m.j = l[1]', {}, true],
  ['l[3][0] = :v', { ':v': { S: 'z' } }, true],
  [':a = :a', { ':a': { N: '1' } }, true],
  ['n < s', {}, false],
  ['n <> s', {}, true],
  [
    'bo < :v',
    { ':v': { BOOL: true } },
    'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: BOOL',
  ],
  [
    'n < :v',
    { ':v': { NULL: true } },
    'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: NULL',
  ],
  [
    'ns < :v',
    { ':v': { NS: ['3'] } },
    'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: NS',
  ],
  [
    'n BETWEEN :a AND :b',
    { ':a': { SS: ['a'] }, ':b': { SS: ['b'] } },
    'Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: SS',
  ],
  [
    'nope IN (nope, :b)',
    { ':b': { N: '1' } },
    'Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: IN, first operand: [nope]',
  ],
  [
    'n IN (:b, n)',
    { ':b': { N: '1' } },
    'Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: IN, first operand: [n]',
  ],
]

const expectedFor = (holds: boolean | string): Expected =>
  typeof holds === 'string' ? validation(holds) : holds ? ok() : conditionFailed()

const hundredAndOne = Array.from({ length: 101 }, (_, i) => `:v${i}`)
const valuesOf = (names: string[]) =>
  Object.fromEntries(names.map((name, i) => [name, { N: String(i) }]))

/** ConditionExpression, FilterExpression and the legacy forms, as DynamoDB evaluates them. */
export const conditionCases: FidelityCase[] = [
  {
    name: 'ConditionExpression semantics: missing attributes, types, sets, maps, functions',
    tables: { $T: table({ items: [item] }) },
    steps: truthTable.map(
      ([expression, values, holds]): Step => ({
        op: 'PutItem',
        input: {
          TableName: '$T',
          Item: item,
          ConditionExpression: expression,
          ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
        },
        expect: expectedFor(holds),
      }),
    ),
  },
  {
    name: 'IN takes at most 100 operands after its first',
    tables: { $T: table({ items: [item] }) },
    steps: [
      {
        op: 'PutItem',
        input: {
          TableName: '$T',
          Item: item,
          ConditionExpression: `n IN (${hundredAndOne.slice(0, 100).join(', ')})`,
          ExpressionAttributeValues: valuesOf(hundredAndOne.slice(0, 100)),
        },
        expect: ok(),
      },
      {
        op: 'PutItem',
        input: {
          TableName: '$T',
          Item: item,
          ConditionExpression: `n IN (${hundredAndOne.join(', ')})`,
          ExpressionAttributeValues: valuesOf(hundredAndOne),
        },
        expect: validation(
          'Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101',
        ),
      },
    ],
  },
  {
    name: "a filter 'i IN (j, :k)' over items without j answers (it took the host process down)",
    tables: {
      $T: table({
        sortKey: 'S',
        items: [
          { pk: { S: 'p' }, sk: { S: '1' }, i: { N: '1' } },
          { pk: { S: 'p' }, sk: { S: '2' }, i: { N: '2' } },
          { pk: { S: 'p' }, sk: { S: '3' }, i: { N: '3' }, j: { N: '3' } },
        ],
      }),
    },
    steps: [
      {
        op: 'Scan',
        input: {
          TableName: '$T',
          FilterExpression: 'i IN (j, :k)',
          ExpressionAttributeValues: { ':k': { N: '1' } },
        },
        expect: ok({ Count: 2, ScannedCount: 3 }),
      },
      {
        op: 'Query',
        input: {
          TableName: '$T',
          KeyConditionExpression: 'pk = :p',
          FilterExpression: 'i IN (j, :k)',
          ExpressionAttributeValues: { ':p': { S: 'p' }, ':k': { N: '2' } },
        },
        ordered: true,
        expect: ok({
          Items: [
            { pk: { S: 'p' }, sk: { S: '2' }, i: { N: '2' } },
            { pk: { S: 'p' }, sk: { S: '3' }, i: { N: '3' }, j: { N: '3' } },
          ],
          Count: 2,
          ScannedCount: 3,
        }),
      },
      {
        op: 'Scan',
        input: {
          TableName: '$T',
          FilterExpression: 'i IN (j, :k) AND j.x[2] = :k AND size(j.y) > :k',
          ExpressionAttributeValues: { ':k': { N: '1' } },
        },
        expect: ok({ Count: 0, ScannedCount: 3 }),
      },
    ],
  },
  {
    name: 'legacy ScanFilter and Expected: OR, NE and NOT_CONTAINS on missing attributes, maps',
    tables: { $T: table({ items: [item] }) },
    steps: [
      ...(
        [
          [{ nope: { ComparisonOperator: 'NE', AttributeValueList: [{ S: 'x' }] } }, undefined, 1],
          [
            { nope: { ComparisonOperator: 'NOT_CONTAINS', AttributeValueList: [{ S: 'x' }] } },
            undefined,
            0,
          ],
          [
            {
              n: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'x' }] },
              s: { ComparisonOperator: 'NOT_NULL' },
            },
            'OR',
            1,
          ],
          [
            { ss: { ComparisonOperator: 'EQ', AttributeValueList: [{ SS: ['y', 'x'] }] } },
            undefined,
            1,
          ],
          [
            { l: { ComparisonOperator: 'CONTAINS', AttributeValueList: [{ S: 'x' }] } },
            undefined,
            1,
          ],
          [
            { n: { ComparisonOperator: 'IN', AttributeValueList: [{ N: '1' }, { N: '10' }] } },
            undefined,
            1,
          ],
          [{ ss: { ComparisonOperator: 'IN', AttributeValueList: [{ S: 'x' }] } }, undefined, 0],
          [
            { e: { ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [{ S: '' }] } },
            undefined,
            1,
          ],
          [
            { n: { ComparisonOperator: 'NOT_CONTAINS', AttributeValueList: [{ N: '1' }] } },
            undefined,
            1,
          ],
          [
            { n: { ComparisonOperator: 'CONTAINS', AttributeValueList: [{ N: '10' }] } },
            undefined,
            0,
          ],
        ] as const
      ).map(
        ([ScanFilter, ConditionalOperator, count]): Step => ({
          op: 'Scan',
          input: {
            TableName: '$T',
            ScanFilter,
            ...(ConditionalOperator ? { ConditionalOperator } : {}),
          },
          expect: ok({ Count: count, ScannedCount: 1 }),
        }),
      ),
      {
        op: 'PutItem',
        input: {
          TableName: '$T',
          Item: item,
          Expected: {
            nope: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '10' }] },
            n: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '10' }] },
          },
          ConditionalOperator: 'OR',
        },
        expect: ok(),
      },
      {
        op: 'PutItem',
        input: {
          TableName: '$T',
          Item: item,
          Expected: {
            n: { ComparisonOperator: 'GT', AttributeValueList: [{ N: '9' }] },
            nope: { ComparisonOperator: 'EQ', AttributeValueList: [{ N: '10' }] },
          },
        },
        expect: conditionFailed(),
      },
      {
        op: 'PutItem',
        input: {
          TableName: '$T',
          Item: item,
          Expected: {
            m: {
              ComparisonOperator: 'EQ',
              AttributeValueList: [{ M: { j: { N: '1' }, k: { S: 'v' } } }],
            },
          },
        },
        expect: ok(),
      },
      {
        op: 'PutItem',
        input: {
          TableName: '$T',
          Item: item,
          Expected: { nope: { Exists: false }, n: { Value: { N: '10.0' } } },
        },
        expect: ok(),
      },
    ],
  },
]
