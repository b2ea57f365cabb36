import type { CorpusArea, DiffCase } from '../src/diff-case.js'
import { hashTable } from './tables.js'

const key = { pk: { S: 'a' } }
const start = {
  ...key,
  n: { N: '10' },
  s: { S: 'text' },
  ss: { SS: ['x', 'y'] },
  ns: { NS: ['1', '2'] },
  l: { L: [{ S: 'l0' }, { S: 'l1' }, { S: 'l2' }] },
  m: { M: { kid: { M: { leaf: { N: '1' } } }, arr: { L: [{ N: '0' }] } } },
}

// DynamoDB Local returns whole top-level attributes for UPDATED_OLD and UPDATED_NEW; the service
// returns the updated paths only (measured on the service by other emulators' suites:
// github.com/ExtendDB/extenddb/issues/98, github.com/nubo-db/dynoxide/issues/36).
const updatedPathsOnly = {
  service:
    'only the updated paths are returned (m.kid.leaf, not all of m); nothing after only a REMOVE',
  source:
    'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html#DDB-UpdateItem-request-ReturnValues',
}

/** An update of the item `start` with a ReturnValues, then a read of the whole item. */
function update(
  id: string,
  title: string,
  request: Record<string, unknown>,
  expect = 'ok',
): DiffCase {
  return {
    id,
    title,
    tables: { T: hashTable() },
    items: { T: [start] },
    steps: [
      {
        op: 'UpdateItem',
        body: { TableName: '$T', Key: key, ReturnValues: 'ALL_NEW', ...request },
        expect,
      },
      { op: 'GetItem', body: { TableName: '$T', Key: key } },
    ],
  }
}

export const updateExpressions: CorpusArea = {
  area: 'update-expressions',
  scope: 'item-api',
  cases: [
    update('set-new-attribute', 'SET adds an attribute', {
      UpdateExpression: 'SET v = :v',
      ExpressionAttributeValues: { ':v': { S: 'new' } },
    }),
    update('set-several', 'one SET clause with several actions', {
      UpdateExpression: 'SET v = :v, w = :w, n = :n',
      ExpressionAttributeValues: { ':v': { S: 'a' }, ':w': { BOOL: true }, ':n': { N: '5' } },
    }),
    update('set-nested-map-member', 'SET a member of a nested map', {
      UpdateExpression: 'SET m.kid.extra = :v',
      ExpressionAttributeValues: { ':v': { S: 'deep' } },
    }),
    update(
      'set-nested-missing-parent-refused',
      'SET under a map that does not exist is refused',
      {
        UpdateExpression: 'SET m.nothere.leaf = :v',
        ExpressionAttributeValues: { ':v': { S: 'x' } },
      },
      'ValidationException',
    ),
    update('set-list-element', 'SET a list element by index', {
      UpdateExpression: 'SET l[1] = :v',
      ExpressionAttributeValues: { ':v': { S: 'changed' } },
    }),
    update('set-list-index-past-end-appends', 'SET past the end of a list appends', {
      UpdateExpression: 'SET l[10] = :v',
      ExpressionAttributeValues: { ':v': { S: 'appended' } },
    }),
    update(
      'set-index-on-non-list-refused',
      'SET by index on a string is refused',
      { UpdateExpression: 'SET s[0] = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } },
      'ValidationException',
    ),
    update('list-append-end', 'list_append adds to the end', {
      UpdateExpression: 'SET l = list_append(l, :more)',
      ExpressionAttributeValues: { ':more': { L: [{ S: 'l3' }] } },
    }),
    update('list-append-front', 'list_append with the new list first adds to the front', {
      UpdateExpression: 'SET l = list_append(:more, l)',
      ExpressionAttributeValues: { ':more': { L: [{ S: 'first' }] } },
    }),
    update(
      'list-append-non-list-refused',
      'list_append of a string is refused',
      {
        UpdateExpression: 'SET l = list_append(l, :v)',
        ExpressionAttributeValues: { ':v': { S: 'x' } },
      },
      'ValidationException',
    ),
    update('if-not-exists-keeps', 'if_not_exists keeps an existing value', {
      UpdateExpression: 'SET n = if_not_exists(n, :zero)',
      ExpressionAttributeValues: { ':zero': { N: '0' } },
    }),
    update('if-not-exists-sets', 'if_not_exists sets a missing attribute', {
      UpdateExpression: 'SET fresh = if_not_exists(fresh, :zero)',
      ExpressionAttributeValues: { ':zero': { N: '0' } },
    }),
    update('arithmetic-plus-minus', 'SET with + and -', {
      UpdateExpression: 'SET n = n + :a, w = n - :b',
      ExpressionAttributeValues: { ':a': { N: '2.5' }, ':b': { N: '20' } },
    }),
    update(
      'arithmetic-on-string-refused',
      'arithmetic on a string is refused',
      { UpdateExpression: 'SET n = s + :a', ExpressionAttributeValues: { ':a': { N: '1' } } },
      'ValidationException',
    ),
    update(
      'arithmetic-on-missing-refused',
      'arithmetic on a missing attribute is refused',
      { UpdateExpression: 'SET n = nothere + :a', ExpressionAttributeValues: { ':a': { N: '1' } } },
      'ValidationException',
    ),
    update('set-from-other-attribute', 'SET copies another attribute', {
      UpdateExpression: 'SET dup = m.kid',
    }),
    update(
      'set-from-missing-attribute-refused',
      'SET from a missing attribute is refused',
      { UpdateExpression: 'SET dup = nothere' },
      'ValidationException',
    ),
    update('remove-attribute', 'REMOVE deletes attributes, a missing one too', {
      UpdateExpression: 'REMOVE s, nothere',
    }),
    update('remove-list-element', 'REMOVE a list element shifts the rest', {
      UpdateExpression: 'REMOVE l[0]',
    }),
    update('remove-nested-member', 'REMOVE a member of a nested map', {
      UpdateExpression: 'REMOVE m.kid.leaf',
    }),
    update('add-number', 'ADD to a number', {
      UpdateExpression: 'ADD n :a',
      ExpressionAttributeValues: { ':a': { N: '-3' } },
    }),
    update('add-missing-number', 'ADD to a missing attribute starts from zero', {
      UpdateExpression: 'ADD tally :a',
      ExpressionAttributeValues: { ':a': { N: '7' } },
    }),
    update('add-to-set', 'ADD members to a string set', {
      UpdateExpression: 'ADD ss :more',
      ExpressionAttributeValues: { ':more': { SS: ['y', 'z'] } },
    }),
    update('add-new-set', 'ADD a set to a missing attribute creates it', {
      UpdateExpression: 'ADD fresh :more',
      ExpressionAttributeValues: { ':more': { NS: ['5', '6'] } },
    }),
    update(
      'add-to-string-refused',
      'ADD to a string is refused',
      { UpdateExpression: 'ADD s :a', ExpressionAttributeValues: { ':a': { N: '1' } } },
      'ValidationException',
    ),
    update(
      'add-wrong-set-type-refused',
      'ADD a number set to a string set is refused',
      { UpdateExpression: 'ADD ss :a', ExpressionAttributeValues: { ':a': { NS: ['1'] } } },
      'ValidationException',
    ),
    update('delete-from-set', 'DELETE removes members from a set', {
      UpdateExpression: 'DELETE ss :gone',
      ExpressionAttributeValues: { ':gone': { SS: ['x', 'absent'] } },
    }),
    update('delete-last-members-removes-attribute', 'DELETE of every member removes the set', {
      UpdateExpression: 'DELETE ns :gone',
      ExpressionAttributeValues: { ':gone': { NS: ['1', '2'] } },
    }),
    update(
      'delete-from-non-set-refused',
      'DELETE from a number is refused',
      { UpdateExpression: 'DELETE n :gone', ExpressionAttributeValues: { ':gone': { NS: ['1'] } } },
      'ValidationException',
    ),
    update('all-clauses', 'SET, REMOVE, ADD and DELETE in one expression', {
      UpdateExpression: 'SET v = :v REMOVE s ADD n :one DELETE ss :x',
      ExpressionAttributeValues: { ':v': { S: 'v' }, ':one': { N: '1' }, ':x': { SS: ['x'] } },
    }),
    update(
      'repeated-clause-refused',
      'the same clause keyword twice is refused',
      {
        UpdateExpression: 'SET v = :v SET w = :v',
        ExpressionAttributeValues: { ':v': { S: 'v' } },
      },
      'ValidationException',
    ),
    update(
      'overlapping-paths-refused',
      'two actions on overlapping paths are refused',
      {
        UpdateExpression: 'SET m.kid = :v REMOVE m.kid.leaf',
        ExpressionAttributeValues: { ':v': { S: 'v' } },
      },
      'ValidationException',
    ),
    update(
      'update-key-attribute-refused',
      'an update of a key attribute is refused',
      { UpdateExpression: 'SET pk = :v', ExpressionAttributeValues: { ':v': { S: 'b' } } },
      'ValidationException',
    ),
    update(
      'set-empty-set-refused',
      'SET to an empty set is refused',
      { UpdateExpression: 'SET e = :v', ExpressionAttributeValues: { ':v': { SS: [] } } },
      'ValidationException',
    ),
    update(
      'syntax-error-refused',
      'an expression that does not parse is refused',
      { UpdateExpression: 'SET = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } },
      'ValidationException',
    ),
    update(
      'unknown-function-refused',
      'an unknown function is refused',
      {
        UpdateExpression: 'SET v = no_such_fn(:v)',
        ExpressionAttributeValues: { ':v': { S: 'x' } },
      },
      'ValidationException',
    ),
    update(
      'undefined-value-refused',
      'a :value the request does not define is refused',
      { UpdateExpression: 'SET v = :nothere' },
      'ValidationException',
    ),
    update(
      'unused-value-refused',
      'an ExpressionAttributeValues entry the expressions do not use is refused',
      {
        UpdateExpression: 'SET v = :v',
        ExpressionAttributeValues: { ':v': { S: 'x' }, ':unused': { S: 'y' } },
      },
      'ValidationException',
    ),
    update(
      'reserved-word-refused',
      'a reserved word used directly is refused',
      { UpdateExpression: 'SET status = :v', ExpressionAttributeValues: { ':v': { N: '1' } } },
      'ValidationException',
    ),
    update('reserved-word-through-name', 'a reserved word through ExpressionAttributeNames', {
      UpdateExpression: 'SET #s = :v',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':v': { S: 'ok' } },
    }),
    update('return-updated-old', 'ReturnValues UPDATED_OLD returns the changed attributes before', {
      UpdateExpression: 'SET n = :v, fresh = :v',
      ExpressionAttributeValues: { ':v': { N: '99' } },
      ReturnValues: 'UPDATED_OLD',
    }),
    {
      ...update(
        'return-updated-new',
        'ReturnValues UPDATED_NEW returns the changed attributes after',
        {
          UpdateExpression: 'SET m.kid.leaf = :v REMOVE s',
          ExpressionAttributeValues: { ':v': { N: '99' } },
          ReturnValues: 'UPDATED_NEW',
        },
      ),
      serviceDiffers: updatedPathsOnly,
    },
    update(
      'return-updated-new-remove-only',
      'ReturnValues UPDATED_NEW after only a REMOVE returns no Attributes',
      {
        UpdateExpression: 'REMOVE s',
        ReturnValues: 'UPDATED_NEW',
      },
    ),
    {
      ...update('return-updated-old-nested', 'ReturnValues UPDATED_OLD of a nested SET', {
        UpdateExpression: 'SET m.kid.leaf = :v',
        ExpressionAttributeValues: { ':v': { N: '99' } },
        ReturnValues: 'UPDATED_OLD',
      }),
      serviceDiffers: updatedPathsOnly,
    },
    {
      ...update(
        'return-updated-new-list-element',
        'ReturnValues UPDATED_NEW of a list element SET',
        {
          UpdateExpression: 'SET l[1] = :v',
          ExpressionAttributeValues: { ':v': { S: 'changed' } },
          ReturnValues: 'UPDATED_NEW',
        },
      ),
      serviceDiffers: updatedPathsOnly,
    },
    update('return-all-old', 'ReturnValues ALL_OLD returns the whole item before', {
      UpdateExpression: 'REMOVE l',
      ReturnValues: 'ALL_OLD',
    }),
    update('return-none', 'ReturnValues NONE returns nothing', {
      UpdateExpression: 'REMOVE l',
      ReturnValues: 'NONE',
    }),
    {
      id: 'upsert-creates-item',
      title: 'an update of a missing item creates it',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'UpdateItem',
          body: {
            TableName: '$T',
            Key: key,
            UpdateExpression: 'SET v = :v ADD n :one',
            ExpressionAttributeValues: { ':v': { S: 'x' }, ':one': { N: '1' } },
            ReturnValues: 'ALL_NEW',
          },
        },
      ],
    },
    {
      id: 'update-without-expression',
      title: 'an update with only a Key creates an item of just the key',
      tables: { T: hashTable() },
      steps: [
        { op: 'UpdateItem', body: { TableName: '$T', Key: key, ReturnValues: 'ALL_NEW' } },
        { op: 'GetItem', body: { TableName: '$T', Key: key } },
      ],
    },
    update('remove-only-leaves-no-new-item', 'REMOVE on a missing item with ALL_NEW', {
      Key: { pk: { S: 'other' } },
      UpdateExpression: 'REMOVE v',
    }),
    update('legacy-attribute-updates', 'the legacy AttributeUpdates parameter', {
      AttributeUpdates: {
        v: { Action: 'PUT', Value: { S: 'legacy' } },
        n: { Action: 'ADD', Value: { N: '1' } },
        s: { Action: 'DELETE' },
      },
    }),
    update(
      'legacy-and-expression-refused',
      'AttributeUpdates together with UpdateExpression is refused',
      {
        UpdateExpression: 'SET v = :v',
        ExpressionAttributeValues: { ':v': { S: 'x' } },
        AttributeUpdates: { w: { Action: 'PUT', Value: { S: 'y' } } },
      },
      'ValidationException',
    ),
  ],
}
