import type { CorpusArea, DiffCase } from '../src/diff-case.js'
import { hashRangeTable, hashTable } from './tables.js'

const key = { pk: { S: 'a' } }
const digits38 = '12345678901234567890123456789012345678'
// DynamoDB Local keeps the spelling of a number written by an update ('1.0', '0.0').
const trimmedNumbers = {
  service:
    'numbers are stored without leading or trailing zeros, however they were written (here 0 and 1)',
  source:
    'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.Number',
}

/** Puts a number and reads it back. */
function store(id: string, title: string, n: string, expect = 'ok'): DiffCase {
  return {
    id,
    title,
    tables: { T: hashTable() },
    steps: [
      { op: 'PutItem', body: { TableName: '$T', Item: { ...key, n: { N: n } } }, expect },
      { op: 'GetItem', body: { TableName: '$T', Key: key } },
    ],
  }
}

/** An update of a stored number, then a read. */
function arithmetic(
  id: string,
  title: string,
  stored: string,
  expression: string,
  operand: string,
  expect = 'ok',
): DiffCase {
  return {
    id,
    title,
    tables: { T: hashTable() },
    items: { T: [{ ...key, n: { N: stored } }] },
    steps: [
      {
        op: 'UpdateItem',
        body: {
          TableName: '$T',
          Key: key,
          UpdateExpression: expression,
          ExpressionAttributeValues: { ':v': { N: operand } },
          ReturnValues: 'UPDATED_NEW',
        },
        expect,
      },
      { op: 'GetItem', body: { TableName: '$T', Key: key } },
    ],
  }
}

export const numberPrecision: CorpusArea = {
  area: 'number-precision',
  scope: 'item-api',
  cases: [
    store('38-digits', '38 significant digits are kept exactly', digits38),
    store('38-digits-decimal', '38 significant digits with a decimal point', `0.${digits38}`),
    store(
      '39-digits-refused',
      '39 significant digits are refused',
      `${digits38}9`,
      'ValidationException',
    ),
    store('39-digits-trailing-zeros', 'trailing zeros are not significant', `${digits38}0`),
    store('leading-zeros', 'leading zeros are dropped', '007.50'),
    store('negative-zero', '-0 is stored as 0', '-0'),
    store('exponent-form', 'an exponent is expanded', '1.5E3'),
    store('negative-exponent', 'a negative exponent is expanded', '15E-4'),
    store(
      'largest-magnitude',
      'the largest positive number is accepted',
      '9.9999999999999999999999999999999999999E+125',
    ),
    store('over-largest-refused', '1E+126 is refused', '1E+126', 'ValidationException'),
    store('smallest-magnitude', 'the smallest positive number is accepted', '1E-130'),
    store('under-smallest-refused', '1E-131 is refused', '1E-131', 'ValidationException'),
    store(
      'largest-negative',
      'the most negative number is accepted',
      '-9.9999999999999999999999999999999999999E+125',
    ),
    store('plus-sign', 'a leading + is accepted or refused as DynamoDB does', '+5'),
    store('leading-point', 'a number starting with a point', '.5'),
    store('hex-refused', 'a hexadecimal number is refused', '0x10', 'ValidationException'),
    store('infinity-refused', 'Infinity is refused', 'Infinity', 'ValidationException'),
    store('whitespace-refused', 'a number with spaces is refused', ' 5', 'ValidationException'),
    arithmetic(
      'add-overflows-precision-refused',
      'ADD giving more than 38 significant digits is refused',
      digits38,
      'ADD n :v',
      '0.1',
      'ValidationException',
    ),
    arithmetic(
      'set-plus-half-overflows-refused',
      'SET n = n + 0.5 on 38 digits is refused',
      digits38,
      'SET n = n + :v',
      '0.5',
      'ValidationException',
    ),
    arithmetic(
      'add-large-and-small-refused',
      'ADD 1E-20 to 1E+20 needs 41 digits and is refused',
      '1E+20',
      'ADD n :v',
      '1E-20',
      'ValidationException',
    ),
    arithmetic(
      'add-within-precision',
      'ADD within 38 digits',
      '99999999999999999999999999999999999998',
      'ADD n :v',
      '1',
    ),
    arithmetic(
      'add-past-magnitude-refused',
      'ADD past 1E+126 is refused (3 significant digits, so not for precision)',
      '9.9E+125',
      'ADD n :v',
      '1E+125',
      'ValidationException',
    ),
    {
      ...arithmetic(
        'subtract-to-zero',
        'subtraction to exactly zero',
        '0.1',
        'SET n = n - :v',
        '0.1',
      ),
      serviceDiffers: trimmedNumbers,
    },
    arithmetic(
      'subtract-negative-result',
      'subtraction to a negative number',
      '1',
      'SET n = n - :v',
      '2.75',
    ),
    arithmetic(
      'add-decimal-carry',
      'decimal addition without binary rounding',
      '0.1',
      'ADD n :v',
      '0.2',
    ),
    {
      ...arithmetic(
        'set-number-with-trailing-zero',
        'SET of the number 1.0',
        '1',
        'SET n = :v',
        '1.0',
      ),
      serviceDiffers: trimmedNumbers,
    },
    {
      id: 'number-set-add-equal-member',
      title: 'ADD of 1.0 to a number set holding 1 keeps one member',
      tables: { T: hashTable() },
      items: { T: [{ ...key, ns: { NS: ['1', '2'] } }] },
      steps: [
        {
          op: 'UpdateItem',
          body: {
            TableName: '$T',
            Key: key,
            UpdateExpression: 'ADD ns :v',
            ExpressionAttributeValues: { ':v': { NS: ['1.0', '3'] } },
            ReturnValues: 'ALL_NEW',
          },
        },
      ],
    },
    {
      id: 'sort-key-order-extremes',
      title: 'number sort keys order across sign and magnitude',
      tables: { T: hashRangeTable('S', 'N') },
      items: {
        T: ['-1E+125', '-1', '-1E-130', '0', '1E-130', '0.5', '1', '1E+125', '12', '2'].map(
          (n) => ({
            pk: { S: 'p' },
            sk: { N: n },
          }),
        ),
      },
      steps: [
        {
          op: 'Query',
          body: {
            TableName: '$T',
            KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi',
            ExpressionAttributeValues: { ':p': { S: 'p' }, ':lo': { N: '-1' }, ':hi': { N: '1' } },
          },
        },
      ],
    },
    {
      id: 'compare-exponent-forms',
      title: '1E2 equals 100 in a condition',
      tables: { T: hashTable() },
      items: { T: [{ ...key, n: { N: '100' } }] },
      steps: [
        {
          op: 'DeleteItem',
          body: {
            TableName: '$T',
            Key: key,
            ConditionExpression: 'n = :v',
            ExpressionAttributeValues: { ':v': { N: '1E2' } },
            ReturnValues: 'ALL_OLD',
          },
        },
      ],
    },
  ],
}
