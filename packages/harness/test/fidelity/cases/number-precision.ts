import {
  conditionFailed,
  type FidelityCase,
  ok,
  table,
  validation,
} from '../support/fidelity-case.js'

const key = { pk: { S: 'a' } }
const digits38 = '12345678901234567890123456789012345678'
const precision = validation('DynamoDB only supports precision up to 38 digits')

const update = (UpdateExpression: string, values: Record<string, unknown>, extra = {}) => ({
  TableName: '$T',
  Key: key,
  UpdateExpression,
  ExpressionAttributeValues: values,
  ReturnValues: 'ALL_NEW',
  ...extra,
})

/** Numbers keep to 38 significant digits and DynamoDB's range when arithmetic makes them too. */
export const numberPrecisionCases: FidelityCase[] = [
  {
    name: 'ADD and SET arithmetic past 38 significant digits are refused and store nothing',
    tables: {
      $T: table({
        items: [{ ...key, n: { N: digits38 }, m: { M: { z: { N: '9'.repeat(38) } } } }],
      }),
    },
    steps: [
      { op: 'UpdateItem', input: update('ADD n :x', { ':x': { N: '0.1' } }), expect: precision },
      {
        op: 'UpdateItem',
        input: update('SET n = n + :x', { ':x': { N: '0.5' } }),
        expect: precision,
      },
      {
        op: 'UpdateItem',
        input: {
          TableName: '$T',
          Key: key,
          AttributeUpdates: { n: { Action: 'ADD', Value: { N: '0.1' } } },
        },
        expect: precision,
      },
      {
        op: 'UpdateItem',
        input: update('SET m.z = m.z + :x', { ':x': { N: '0.1' } }),
        expect: precision,
      },
      {
        op: 'UpdateItem',
        input: update('SET a = :x + :y', { ':x': { N: '9'.repeat(38) }, ':y': { N: '0.1' } }),
        expect: precision,
      },
      {
        op: 'GetItem',
        input: { TableName: '$T', Key: key },
        expect: ok({
          Item: { ...key, n: { N: digits38 }, m: { M: { z: { N: '9'.repeat(38) } } } },
        }),
      },
      {
        op: 'UpdateItem',
        input: update('SET m.z = m.z + :x', { ':x': { N: '1' } }),
        expect: ok({
          Attributes: { ...key, n: { N: digits38 }, m: { M: { z: { N: `1${'0'.repeat(38)}` } } } },
        }),
      },
    ],
  },
  {
    name: 'ADD 1E-20 to 1E+20 needs 41 digits and is refused',
    tables: { $T: table({ items: [{ ...key, n: { N: '100000000000000000000' } }] }) },
    steps: [
      { op: 'UpdateItem', input: update('ADD n :x', { ':x': { N: '1E-20' } }), expect: precision },
    ],
  },
  {
    name: 'arithmetic out of range is refused with the words used for numbers given',
    tables: { $T: table({ items: [{ ...key, n: { N: '9E+125' }, u: { N: '1.1E-130' } }] }) },
    steps: [
      {
        op: 'UpdateItem',
        input: update('SET n = n + :x', { ':x': { N: '9E+125' } }),
        expect: validation(
          'Number overflow. Attempting to store a number with magnitude larger than supported range',
        ),
      },
      {
        op: 'UpdateItem',
        input: update('ADD n :x', { ':x': { N: '9E+125' } }),
        expect: validation(
          'Number overflow. Attempting to store a number with magnitude larger than supported range',
        ),
      },
      {
        op: 'UpdateItem',
        input: update('SET u = u - :x', { ':x': { N: '1E-130' } }),
        expect: validation(
          'Number underflow. Attempting to store a number with magnitude smaller than supported range',
        ),
      },
      {
        op: 'UpdateItem',
        input: update('SET n = n + :x', { ':x': { N: `9.${'9'.repeat(37)}E+125` } }),
        expect: precision,
      },
    ],
  },
  {
    name: 'a failed condition is answered before the arithmetic is checked',
    tables: { $T: table({ items: [{ ...key, n: { N: digits38 } }] }) },
    steps: [
      {
        op: 'UpdateItem',
        input: update(
          'SET n = n + :x',
          { ':x': { N: '0.1' } },
          { ConditionExpression: 'attribute_not_exists(pk)' },
        ),
        expect: conditionFailed(),
      },
    ],
  },
]
