import type { CorpusArea, DiffCase } from '../src/diff-case.js'
import { hashTable } from './tables.js'

const key = { pk: { S: 'a' } }
const stored = {
  ...key,
  n: { N: '10' },
  s: { S: 'hello world' },
  b: { B: 'AQID' },
  t: { BOOL: true },
  z: { NULL: true },
  ss: { SS: ['red', 'green'] },
  ns: { NS: ['1', '2', '3'] },
  l: { L: [{ S: 'x' }, { N: '2' }] },
  m: { M: { kid: { S: 'k' }, deep: { M: { leaf: { N: '5' } } } } },
}

/**
 * A conditional UpdateItem on the stored item (marks it `hit`), then a read showing whether it
 * applied. `holds`: the condition is true, so the update succeeds.
 */
function condition(
  id: string,
  title: string,
  expression: string,
  values: Record<string, unknown> | undefined,
  holds: boolean,
  names?: Record<string, string>,
): DiffCase {
  return {
    id,
    title,
    tables: { T: hashTable() },
    items: { T: [stored] },
    steps: [
      {
        op: 'UpdateItem',
        body: {
          TableName: '$T',
          Key: key,
          UpdateExpression: 'SET hit = :hit',
          ConditionExpression: expression,
          ExpressionAttributeValues: { ':hit': { BOOL: true }, ...values },
          ...(names ? { ExpressionAttributeNames: names } : {}),
        },
        expect: holds ? 'ok' : 'ConditionalCheckFailedException',
      },
      { op: 'GetItem', body: { TableName: '$T', Key: key, ProjectionExpression: 'hit' } },
    ],
  }
}

/** A conditional UpdateItem that DynamoDB refuses as invalid. */
function invalid(
  id: string,
  title: string,
  expression: string,
  values?: Record<string, unknown>,
  names?: Record<string, string>,
): DiffCase {
  return {
    id,
    title,
    tables: { T: hashTable() },
    items: { T: [stored] },
    steps: [
      {
        op: 'UpdateItem',
        body: {
          TableName: '$T',
          Key: key,
          UpdateExpression: 'SET hit = :hit',
          ConditionExpression: expression,
          ExpressionAttributeValues: { ':hit': { BOOL: true }, ...values },
          ...(names ? { ExpressionAttributeNames: names } : {}),
        },
        expect: 'ValidationException',
      },
    ],
  }
}

export const conditionExpressions: CorpusArea = {
  area: 'condition-expressions',
  scope: 'item-api',
  cases: [
    condition(
      'attribute-exists-true',
      'attribute_exists of a present attribute',
      'attribute_exists(n)',
      undefined,
      true,
    ),
    condition(
      'attribute-exists-false',
      'attribute_exists of a missing attribute',
      'attribute_exists(nothere)',
      undefined,
      false,
    ),
    condition(
      'attribute-not-exists-true',
      'attribute_not_exists of a missing attribute',
      'attribute_not_exists(nothere)',
      undefined,
      true,
    ),
    condition(
      'attribute-exists-nested',
      'attribute_exists of a nested path',
      'attribute_exists(m.deep.leaf)',
      undefined,
      true,
    ),
    condition(
      'attribute-exists-list-element',
      'attribute_exists of a list element past the end',
      'attribute_exists(l[5])',
      undefined,
      false,
    ),
    condition(
      'equals-number',
      '= on numbers compares values, not spellings',
      'n = :v',
      { ':v': { N: '10.00' } },
      true,
    ),
    condition('not-equals', '<> on strings', 's <> :v', { ':v': { S: 'other' } }, true),
    condition(
      'less-than-numbers',
      '< on numbers is numeric',
      'n < :v',
      { ':v': { N: '9' } },
      false,
    ),
    condition('greater-equal-numbers', '>= on numbers', 'n >= :v', { ':v': { N: '10' } }, true),
    condition(
      'compare-different-types',
      'a comparison between types is false',
      'n < :v',
      { ':v': { S: '99' } },
      false,
    ),
    condition(
      'not-equals-missing-attribute',
      '<> with a missing attribute is true',
      'nothere <> :v',
      { ':v': { S: 'x' } },
      true,
    ),
    condition(
      'less-than-missing-attribute',
      '< with a missing attribute is false',
      'nothere < :v',
      { ':v': { S: 'x' } },
      false,
    ),
    condition(
      'between-numbers',
      'BETWEEN bounds are inclusive',
      'n BETWEEN :lo AND :hi',
      { ':lo': { N: '10' }, ':hi': { N: '11' } },
      true,
    ),
    condition(
      'between-strings',
      'BETWEEN on strings',
      's BETWEEN :lo AND :hi',
      { ':lo': { S: 'h' }, ':hi': { S: 'i' } },
      true,
    ),
    condition(
      'in-list',
      'IN finds a match',
      'n IN (:a, :b, :c)',
      { ':a': { N: '1' }, ':b': { N: '10' }, ':c': { S: 'x' } },
      true,
    ),
    condition(
      'in-list-no-match',
      'IN without a match',
      's IN (:a, :b)',
      { ':a': { S: 'hello' }, ':b': { S: 'world' } },
      false,
    ),
    condition(
      'begins-with-string',
      'begins_with on a string',
      'begins_with(s, :p)',
      { ':p': { S: 'hello ' } },
      true,
    ),
    condition(
      'begins-with-binary',
      'begins_with on binary',
      'begins_with(b, :p)',
      { ':p': { B: 'AQI=' } },
      true,
    ),
    condition(
      'begins-with-number-false',
      'begins_with on a number attribute is false',
      'begins_with(n, :p)',
      { ':p': { S: '1' } },
      false,
    ),
    condition(
      'contains-substring',
      'contains on a string',
      'contains(s, :p)',
      { ':p': { S: 'o w' } },
      true,
    ),
    condition(
      'contains-set-member',
      'contains on a string set',
      'contains(ss, :p)',
      { ':p': { S: 'green' } },
      true,
    ),
    condition(
      'contains-number-set',
      'contains on a number set compares numbers',
      'contains(ns, :p)',
      { ':p': { N: '2.0' } },
      true,
    ),
    condition(
      'contains-list-element',
      'contains on a list',
      'contains(l, :p)',
      { ':p': { N: '2' } },
      true,
    ),
    condition('size-string', 'size of a string', 'size(s) = :v', { ':v': { N: '11' } }, true),
    condition('size-set', 'size of a set', 'size(ns) > :v', { ':v': { N: '2' } }, true),
    condition('size-map', 'size of a map', 'size(m) = :v', { ':v': { N: '2' } }, true),
    condition(
      'size-binary',
      'size of binary counts bytes',
      'size(b) = :v',
      { ':v': { N: '3' } },
      true,
    ),
    condition(
      'size-number-false',
      'size of a number is false',
      'size(n) = :v',
      { ':v': { N: '2' } },
      false,
    ),
    condition(
      'attribute-type-match',
      'attribute_type matches',
      'attribute_type(ss, :t)',
      { ':t': { S: 'SS' } },
      true,
    ),
    condition(
      'attribute-type-null',
      'attribute_type NULL',
      'attribute_type(z, :t)',
      { ':t': { S: 'NULL' } },
      true,
    ),
    condition(
      'attribute-type-mismatch',
      'attribute_type does not match',
      'attribute_type(n, :t)',
      { ':t': { S: 'S' } },
      false,
    ),
    condition(
      'and-or-precedence',
      'AND binds tighter than OR',
      'n = :one OR n = :ten AND t = :f',
      { ':one': { N: '1' }, ':ten': { N: '10' }, ':f': { BOOL: false } },
      false,
    ),
    condition(
      'parentheses',
      'parentheses group',
      '(n = :one OR n = :ten) AND t = :t',
      { ':one': { N: '1' }, ':ten': { N: '10' }, ':t': { BOOL: true } },
      true,
    ),
    condition('not', 'NOT negates', 'NOT contains(s, :p)', { ':p': { S: 'xyz' } }, true),
    condition(
      'compare-two-attributes',
      'a comparison between two attributes',
      'n > m.deep.leaf',
      undefined,
      true,
    ),
    condition(
      'compare-map-equality',
      'maps compare equal by content',
      'm.deep = :v',
      { ':v': { M: { leaf: { N: '5' } } } },
      true,
    ),
    condition(
      'compare-list-equality',
      'lists compare by order',
      'l = :v',
      { ':v': { L: [{ N: '2' }, { S: 'x' }] } },
      false,
    ),
    condition(
      'names-placeholders',
      'a condition through ExpressionAttributeNames',
      '#a.#b = :v',
      { ':v': { S: 'k' } },
      true,
      { '#a': 'm', '#b': 'kid' },
    ),
    condition('bool-equality', 'BOOL equality', 't = :v', { ':v': { BOOL: true } }, true),
    condition('null-equality', 'NULL equality', 'z = :v', { ':v': { NULL: true } }, true),
    condition(
      'set-equality-ignores-order',
      'sets compare equal whatever the order',
      'ss = :v',
      { ':v': { SS: ['green', 'red'] } },
      true,
    ),
    invalid('unknown-function', 'an unknown function is refused', 'no_such_fn(n)'),
    invalid(
      'attribute-type-bad-type',
      'attribute_type with an unknown type name is refused',
      'attribute_type(n, :t)',
      { ':t': { S: 'NUMBER' } },
    ),
    invalid(
      'between-reversed',
      'BETWEEN with the bounds reversed is refused',
      'n BETWEEN :hi AND :lo',
      { ':lo': { N: '1' }, ':hi': { N: '9' } },
    ),
    invalid(
      'between-mixed-types',
      'BETWEEN with bounds of two types is refused',
      'n BETWEEN :lo AND :hi',
      { ':lo': { N: '1' }, ':hi': { S: '9' } },
    ),
    invalid('size-of-value', 'size() of a value rather than a path is refused', 'size(:v) = :v', {
      ':v': { N: '1' },
    }),
    invalid('bare-path', 'a path alone is not a condition', 'n', undefined),
    invalid('undefined-name', 'an undefined #name is refused', '#nothere = :v', {
      ':v': { N: '1' },
    }),
    invalid(
      'unused-name',
      'an unused ExpressionAttributeNames entry is refused',
      'n = :v',
      { ':v': { N: '1' } },
      { '#unused': 'x' },
    ),
    invalid('empty-expression', 'an empty ConditionExpression is refused', ''),
    invalid(
      'in-too-many',
      'IN with more than 100 values is refused',
      `n IN (${Array.from({ length: 101 }, (_, i) => `:v${i}`).join(', ')})`,
      Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`:v${i}`, { N: String(i) }])),
    ),
    {
      id: 'put-if-absent',
      title: 'PutItem with attribute_not_exists(pk) fails on an existing item, keeps it',
      tables: { T: hashTable() },
      items: { T: [stored] },
      steps: [
        {
          op: 'PutItem',
          body: {
            TableName: '$T',
            Item: { ...key, fresh: { S: 'x' } },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
          expect: 'ConditionalCheckFailedException',
        },
        { op: 'GetItem', body: { TableName: '$T', Key: key, ProjectionExpression: 'fresh, n' } },
      ],
    },
    {
      id: 'put-condition-on-missing-item',
      title: 'a condition on a missing item sees no attributes',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'PutItem',
          body: { TableName: '$T', Item: key, ConditionExpression: 'attribute_exists(pk)' },
          expect: 'ConditionalCheckFailedException',
        },
        {
          op: 'PutItem',
          body: { TableName: '$T', Item: key, ConditionExpression: 'attribute_not_exists(pk)' },
        },
      ],
    },
    {
      id: 'delete-with-condition',
      title: 'DeleteItem with a failing condition keeps the item',
      tables: { T: hashTable() },
      items: { T: [stored] },
      steps: [
        {
          op: 'DeleteItem',
          body: {
            TableName: '$T',
            Key: key,
            ConditionExpression: 'n > :v',
            ExpressionAttributeValues: { ':v': { N: '100' } },
          },
          expect: 'ConditionalCheckFailedException',
        },
        { op: 'GetItem', body: { TableName: '$T', Key: key, ProjectionExpression: 'n' } },
        {
          op: 'DeleteItem',
          body: {
            TableName: '$T',
            Key: key,
            ConditionExpression: 'n < :v',
            ExpressionAttributeValues: { ':v': { N: '100' } },
          },
        },
        { op: 'GetItem', body: { TableName: '$T', Key: key } },
      ],
    },
    {
      id: 'legacy-expected',
      title: 'the legacy Expected parameter',
      tables: { T: hashTable() },
      items: { T: [stored] },
      steps: [
        {
          op: 'PutItem',
          body: { TableName: '$T', Item: key, Expected: { n: { Value: { N: '11' } } } },
          expect: 'ConditionalCheckFailedException',
        },
        {
          op: 'PutItem',
          body: {
            TableName: '$T',
            Item: { ...key, v: { S: 'x' } },
            Expected: {
              n: { ComparisonOperator: 'GE', AttributeValueList: [{ N: '10' }] },
              nothere: { Exists: false },
            },
          },
        },
        { op: 'GetItem', body: { TableName: '$T', Key: key } },
      ],
    },
    {
      id: 'legacy-and-expression-refused',
      title: 'Expected together with ConditionExpression is refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'PutItem',
          body: {
            TableName: '$T',
            Item: key,
            Expected: { n: { Exists: false } },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
          expect: 'ValidationException',
        },
      ],
    },
  ],
}
