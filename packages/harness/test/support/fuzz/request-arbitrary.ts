import fc from 'fast-check'
import { inputShapeOf, type Shape } from './operation-shapes.js'
import { validDataRequest } from './valid-data-request.js'

/** What generated requests aim at: a table that exists, so requests reach dynalite's actions. */
export interface FuzzTarget {
  tableName: string
  tableArn: string
}

interface Context extends FuzzTarget {
  tokens: readonly string[]
}

/** One generated request. */
export interface FuzzRequest {
  operation: string
  /** The JSON body as sent. */
  body: string
}

const attributeNames = ['pk', 'sk', 'a', 'b', 'n', 'ttl', 'l', 'm', 'ss', 'zz']
const nameKeys = ['#a', '#b', '#pk', '#n']
const valueKeys = [':v', ':w', ':k', ':n']
const enums: Record<string, readonly string[]> = {
  AttributeType: ['S', 'N', 'B', 'X'],
  KeyType: ['HASH', 'RANGE', 'X'],
  ProjectionType: ['ALL', 'KEYS_ONLY', 'INCLUDE', 'X'],
  BillingMode: ['PAY_PER_REQUEST', 'PROVISIONED', 'X'],
  ReturnValues: ['NONE', 'ALL_OLD', 'UPDATED_OLD', 'ALL_NEW', 'UPDATED_NEW', 'X'],
  ReturnValuesOnConditionCheckFailure: ['ALL_OLD', 'NONE', 'X'],
  ReturnConsumedCapacity: ['INDEXES', 'TOTAL', 'NONE', 'X'],
  ReturnItemCollectionMetrics: ['SIZE', 'NONE', 'X'],
  Select: ['ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'SPECIFIC_ATTRIBUTES', 'COUNT', 'X'],
  ConditionalOperator: ['AND', 'OR', 'X'],
  ComparisonOperator: [
    'EQ',
    'NE',
    'IN',
    'LE',
    'LT',
    'GE',
    'GT',
    'BETWEEN',
    'NOT_NULL',
    'NULL',
    'CONTAINS',
    'NOT_CONTAINS',
    'BEGINS_WITH',
    'X',
  ],
  Action: ['ADD', 'PUT', 'DELETE', 'X'],
  StreamViewType: ['NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY'],
  TableClass: ['STANDARD', 'STANDARD_INFREQUENT_ACCESS'],
}

// Expression pieces: names that exist on some items and not on others, values, every operator
// and function of the grammars, and the parentheses that made the parsers exponential.
const expressionTokens = [
  'pk',
  'sk',
  'a',
  'b',
  'n',
  'zz',
  'l[0]',
  'm.x',
  '#a',
  '#b',
  ':v',
  ':w',
  ':k',
  '=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  'AND',
  'OR',
  'NOT',
  'BETWEEN',
  '(',
  ')',
  ',',
  '+',
  '-',
  'attribute_exists(a)',
  'attribute_not_exists(#a)',
  'attribute_type(a, :v)',
  'begins_with(a, :v)',
  'contains(l, :v)',
  'size(a)',
  'if_not_exists(n, :v)',
  'list_append(l, :v)',
  'SET',
  'REMOVE',
  'ADD',
  'DELETE',
]
const expressionTemplates: Record<string, readonly string[]> = {
  KeyConditionExpression: ['pk = :v', 'pk = :v AND sk > :w', '#pk = :v AND begins_with(sk, :w)'],
  UpdateExpression: ['SET a = :v', 'SET n = n + :v REMOVE b', 'ADD ss :v', 'DELETE ss :v'],
  ProjectionExpression: ['a, b', '#a, l[0], m.x', 'pk'],
  default: [
    'a = :v',
    'attribute_exists(a) AND n < :v',
    'n BETWEEN :v AND :w',
    'NOT (a <> :v) OR size(l) > :n',
    'contains(ss, :v)',
  ],
}

/**
 * Requests for the given operations, built from the AWS SDK's model of each input: plausible
 * values for every member (table and attribute names that exist, expressions from the
 * grammars' tokens), then up to three hostile replacements anywhere in the body — `null`,
 * wrong types, nesting thousands of levels deep, huge strings and lists — or a hostile body.
 */
export function fuzzRequest(
  operations: readonly string[],
  target: FuzzTarget,
  options: { withEvaluatorGaps?: boolean } = {},
): fc.Arbitrary<FuzzRequest> {
  const tokens = options.withEvaluatorGaps ? [...expressionTokens, 'IN'] : expressionTokens
  const perOperation = operations.flatMap((operation) => {
    const shape = inputShapeOf(operation)
    if (!shape) return []
    return [
      fc
        .tuple(
          plausible(shape, operation, 0, { ...target, tokens }),
          fc.array(mutation(), { maxLength: 3 }),
        )
        .map(([payload, mutations]) => ({
          operation,
          body: JSON.stringify(applyMutations(payload, mutations)),
        })),
    ]
  })
  if (perOperation.length === 0) throw new Error('no operation of the SDK model to fuzz')
  const valid = validDataRequest(target.tableName, {
    withEvaluatorGaps: options.withEvaluatorGaps ?? true,
  }).map(({ operation, payload }) => ({ operation, body: JSON.stringify(payload) }))
  // A third of the requests pass validation and run dynalite's actions on real items.
  return fc.oneof(
    { weight: 2, arbitrary: fc.oneof(...perOperation) },
    { weight: 1, arbitrary: valid },
  )
}

interface Mutation {
  at: number
  remove: boolean
  value: () => unknown
}

function mutation(): fc.Arbitrary<Mutation> {
  return fc.record({
    at: fc.nat(),
    remove: fc.integer({ min: 0, max: 5 }).map((roll) => roll === 0),
    value: hostile(),
  })
}

const hugeString = 'x'.repeat(300 * 1024)
const longDigits = '9'.repeat(400)

/** A hostile value, as a function: deep and huge ones are built only when used. */
function hostile(): fc.Arbitrary<() => unknown> {
  // A fresh copy each time: a mutation may place a value inside another one.
  const constant = (value: unknown) => fc.constant(() => structuredClone(value))
  return fc.oneof(
    { weight: 30, arbitrary: constant(null) },
    constant(true),
    constant(0),
    constant(-1),
    constant(1.5),
    constant(1e308),
    constant(''),
    constant('x'),
    constant('\u0000\ud800'),
    constant(longDigits),
    constant([]),
    constant({}),
    constant([null]),
    constant({ a: null }),
    constant({ S: null }),
    constant({ L: [null] }),
    constant({ M: { a: null } }),
    constant({ SS: ['a', null] }),
    constant({ NS: [null] }),
    constant({ BS: [null] }),
    constant({ S: 'a', N: '1' }),
    fc.constant(() => JSON.parse('{"constructor":{"S":"x"},"__proto__":{"S":"y"}}')),
    fc.integer({ min: 900, max: 3000 }).map((depth) => () => nest(depth, (inner) => [inner], 1)),
    fc
      .integer({ min: 900, max: 3000 })
      .map((depth) => () => nest(depth, (inner) => ({ a: inner }), 1)),
    fc
      .integer({ min: 28, max: 1200 })
      .map((depth) => () => nest(depth, (inner) => ({ L: [inner] }), { S: 'x' })),
    fc
      .integer({ min: 28, max: 1200 })
      .map((depth) => () => nest(depth, (inner) => ({ M: { a: inner } }), { N: '1' })),
    { weight: 1, arbitrary: constant(hugeString) },
    { weight: 1, arbitrary: constant({ S: hugeString }) },
    fc.constant(() => Array.from({ length: 2000 }, (_, index) => `a${index}`)),
    fc.constant(() => Array.from({ length: 2000 }, () => null)),
  )
}

function nest(depth: number, wrap: (inner: unknown) => unknown, leaf: unknown): unknown {
  let value = leaf
  for (let level = 0; level < depth; level++) value = wrap(value)
  return value
}

/** Replaces (or removes) nodes of the body, chosen by index among all its nodes. */
function applyMutations(payload: unknown, mutations: readonly Mutation[]): unknown {
  let body = payload
  for (const change of mutations) {
    const slots: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = []
    collectSlots(body, slots, 0)
    const index = change.at % (slots.length + 1)
    if (index === slots.length) {
      body = change.remove ? {} : change.value()
      continue
    }
    const { parent, key } = slots[index] as (typeof slots)[number]
    if (change.remove && !Array.isArray(parent)) delete parent[key as string]
    else (parent as Record<string | number, unknown>)[key] = change.value()
  }
  return body
}

function collectSlots(
  node: unknown,
  slots: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }>,
  depth: number,
): void {
  if (typeof node !== 'object' || node === null || depth > 40 || slots.length > 2000) return
  if (Array.isArray(node)) {
    node.forEach((child, index) => {
      slots.push({ parent: node, key: index })
      collectSlots(child, slots, depth + 1)
    })
    return
  }
  for (const [key, child] of Object.entries(node)) {
    slots.push({ parent: node as Record<string, unknown>, key })
    collectSlots(child, slots, depth + 1)
  }
}

function plausible(
  shape: Shape,
  member: string,
  depth: number,
  target: Context,
): fc.Arbitrary<unknown> {
  switch (shape.kind) {
    case 'string':
      return plausibleString(member, target)
    case 'number':
      return fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constantFrom(-1, 1.5, 1e20))
    case 'boolean':
      return fc.boolean()
    case 'blob':
      return fc.constantFrom('YQ==', 'YWJj', '', 'not base64!', '=')
    case 'timestamp':
      return fc.integer({ min: 0, max: 2_000_000_000 })
    case 'document':
      return fc.jsonValue({ maxDepth: 2 })
    case 'list':
      return fc.array(plausible(shape.member(), singular(member), depth + 1, target), {
        minLength: 0,
        maxLength: depth > 4 ? 1 : 3,
      })
    case 'map':
      if (member === 'Key' || member === 'ExclusiveStartKey' || member === 'Item') {
        return itemOrKey(member === 'Item', depth)
      }
      return fc.dictionary(
        mapKey(shape.name, member, target),
        plausible(shape.value(), member, depth + 1, target),
        {
          maxKeys: depth > 4 ? 1 : 3,
        },
      )
    case 'union':
      if (shape.name === 'AttributeValue') return attributeValue(depth)
      return fc.oneof(
        ...shape.members.map((part) =>
          plausible(part.shape(), part.name, depth + 1, target).map((value) => ({
            [part.name]: value,
          })),
        ),
      )
    case 'structure': {
      if (depth > 8) return fc.constant({})
      // Optional members are mostly left out: a request setting all of them fails on its first
      // conflict, and never reaches the actions.
      const model: Record<string, fc.Arbitrary<unknown>> = {}
      for (const part of shape.members) {
        const value = plausible(part.shape(), part.name, depth + 1, target)
        model[part.name] = part.required
          ? value
          : fc.oneof(
              { weight: 2, arbitrary: fc.constant(undefined) },
              { weight: 1, arbitrary: value },
            )
      }
      return fc.record(model)
    }
  }
}

function singular(member: string): string {
  return member.endsWith('s') ? member.slice(0, -1) : member
}

function plausibleString(member: string, target: Context): fc.Arbitrary<string> {
  if (member === 'TableName' || member === 'ExclusiveStartTableName') {
    return fc.oneof(
      { weight: 8, arbitrary: fc.constant(target.tableName) },
      fc.constantFrom('missing-table', 'ab', 'fuzz-other'),
    )
  }
  if (member === 'ResourceArn') {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant(target.tableArn) },
      fc.constantFrom(
        `${target.tableArn}x`,
        'arn:aws:dynamodb:us-east-1:000000000000:table/missing',
        'nope',
      ),
    )
  }
  if (member === 'IndexName') return fc.constantFrom('gsi', 'lsi', 'missing-index')
  if (member.endsWith('Expression')) return expression(member, target.tokens)
  const values = enums[member]
  if (values) return fc.constantFrom(...values)
  if (/AttributeName|AttributesToGet|NonKeyAttribute|TagKey|Key$/.test(member)) {
    return fc.constantFrom(...attributeNames)
  }
  return fc.oneof(fc.constantFrom(...attributeNames), fc.string({ maxLength: 12 }))
}

function mapKey(mapName: string, member: string, target: FuzzTarget): fc.Arbitrary<string> {
  if (member === 'ExpressionAttributeNames' || mapName === 'ExpressionAttributeNameMap') {
    return fc.constantFrom(...nameKeys)
  }
  if (member === 'ExpressionAttributeValues') return fc.constantFrom(...valueKeys)
  if (member === 'RequestItems') {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant(target.tableName) },
      fc.constant('missing-table'),
    )
  }
  return fc.constantFrom(...attributeNames)
}

function expression(member: string, tokens: readonly string[]): fc.Arbitrary<string> {
  const templates = expressionTemplates[member] ?? expressionTemplates.default ?? []
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...templates) },
    {
      weight: 3,
      arbitrary: fc
        .array(fc.constantFrom(...tokens), { minLength: 1, maxLength: 12 })
        .map((tokens) => tokens.join(' ')),
    },
    fc.integer({ min: 1, max: 60 }).map((depth) => '('.repeat(depth)),
    fc
      .integer({ min: 1, max: 40 })
      .map((depth) => `${'a<b and ('.repeat(depth)}a<b${')'.repeat(depth)}`),
    fc
      .integer({ min: 1, max: 40 })
      .map((depth) => `${'('.repeat(depth)}a = :v${')'.repeat(depth)}`),
  )
}

function attributeValue(depth: number): fc.Arbitrary<Record<string, unknown>> {
  const numbers = fc.constantFrom(
    '1',
    '-1.5',
    '0',
    '1e10',
    '12345678901234567890123456789012345678',
    'abc',
    '',
  )
  const strings = fc.oneof(fc.constantFrom('a', 'b', 'x'), fc.string({ maxLength: 8 }))
  const scalars = [
    strings.map((S) => ({ S })),
    numbers.map((N) => ({ N })),
    fc.constantFrom('YQ==', 'YWJj').map((B) => ({ B })),
    fc.array(strings, { maxLength: 3 }).map((SS) => ({ SS })),
    fc.array(numbers, { maxLength: 3 }).map((NS) => ({ NS })),
    fc.array(fc.constantFrom('YQ==', 'YWJj'), { maxLength: 2 }).map((BS) => ({ BS })),
    fc.boolean().map((NULL) => ({ NULL })),
    fc.boolean().map((BOOL) => ({ BOOL })),
  ]
  if (depth > 5) return fc.oneof(...scalars)
  return fc.oneof(
    ...scalars,
    fc.array(attributeValue(depth + 1), { maxLength: 2 }).map((L) => ({ L })),
    fc
      .dictionary(fc.constantFrom(...attributeNames), attributeValue(depth + 1), { maxKeys: 2 })
      .map((M) => ({ M })),
  )
}

/** A key of the fixture table (mostly one that exists), or an item with it and other attributes. */
function itemOrKey(isItem: boolean, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const key = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        { pk: { S: 'a' }, sk: { S: 'b' } },
        { pk: { S: 'a' }, sk: { S: 'c' } },
        { pk: { S: 'v' }, sk: { S: 'b' } },
      ),
    },
    fc.dictionary(fc.constantFrom(...attributeNames), attributeValue(depth + 1), { maxKeys: 3 }),
  )
  if (!isItem) return key
  return fc
    .tuple(
      key,
      fc.dictionary(
        fc.constantFrom(...attributeNames.filter((name) => name !== 'pk' && name !== 'sk')),
        attributeValue(depth + 1),
        { maxKeys: 4 },
      ),
    )
    .map(([itemKey, rest]) => ({ ...rest, ...itemKey }))
}
