import fc from 'fast-check'

/**
 * Requests that pass validation and reach dynalite's actions on the fixture table: expressions
 * from the grammars (every comparator, function and operand kind, on attributes that some
 * items lack or hold with another type), with exactly the names and values they use.
 */
export function validDataRequest(
  tableName: string,
  options: {
    /**
     * Also generate what dynalite's evaluator throws on: `IN`, `BETWEEN` of mixed types,
     * `begins_with` and `contains` of paths an item lacks (see the fuzz test).
     */
    withEvaluatorGaps: boolean
  },
): fc.Arbitrary<{ operation: string; payload: Record<string, unknown> }> {
  const key = fc.constantFrom(
    { pk: { S: 'a' }, sk: { S: 'b' } },
    { pk: { S: 'a' }, sk: { S: 'c' } },
    { pk: { S: 'v' }, sk: { S: 'b' } },
    { pk: { S: 'new' }, sk: { S: 'x' } },
  )
  const condition = conditionExpression(options.withEvaluatorGaps)
  const update = updateExpression()
  const projection = fc
    .uniqueArray(fc.constantFrom('a', 'b', 'n', 'l[0]', 'm.x', 'zz', 'ss'), {
      minLength: 1,
      maxLength: 3,
      selector: (path) => path.split(/[.[]/)[0],
    })
    .map((paths) => paths.join(', '))
  const returnValues = fc.constantFrom('NONE', 'ALL_OLD', 'UPDATED_OLD', 'ALL_NEW', 'UPDATED_NEW')

  return fc.oneof(
    fc.tuple(condition, projection).map(([filter, projected]) => ({
      operation: 'Scan',
      payload: withValues({
        TableName: tableName,
        FilterExpression: filter,
        ProjectionExpression: projected,
      }),
    })),
    fc.tuple(condition, fc.constantFrom('a', 'v')).map(([filter, pk]) => ({
      operation: 'Query',
      payload: withValues({
        TableName: tableName,
        KeyConditionExpression: `pk = :pk`,
        FilterExpression: filter,
        pkValue: pk,
      }),
    })),
    fc
      .tuple(key, update, fc.option(condition), returnValues)
      .map(([itemKey, set, guard, values]) => ({
        operation: 'UpdateItem',
        payload: withValues({
          TableName: tableName,
          Key: itemKey,
          UpdateExpression: set,
          ConditionExpression: guard ?? undefined,
          ReturnValues: values,
        }),
      })),
    fc.tuple(key, fc.option(condition)).map(([itemKey, guard]) => ({
      operation: 'PutItem',
      payload: withValues({
        TableName: tableName,
        Item: { ...itemKey, n: { N: '3' }, l: { L: [{ S: 'x' }] }, ss: { SS: ['a'] } },
        ConditionExpression: guard ?? undefined,
        ReturnValues: 'ALL_OLD',
      }),
    })),
    fc.tuple(key, fc.option(condition)).map(([itemKey, guard]) => ({
      operation: 'DeleteItem',
      payload: withValues({
        TableName: tableName,
        Key: itemKey,
        ConditionExpression: guard ?? undefined,
      }),
    })),
    fc.tuple(key, projection).map(([itemKey, projected]) => ({
      operation: 'GetItem',
      payload: withValues({ TableName: tableName, Key: itemKey, ProjectionExpression: projected }),
    })),
  )
}

// Values the expressions refer to, of several types, so comparisons meet mismatched types.
const values: Record<string, unknown> = {
  ':s': { S: 'x' },
  ':n': { N: '2' },
  ':l': { L: [{ S: 'a' }] },
  ':ss': { SS: ['a', 'z'] },
  ':t': { S: 'N' },
  ':b': { B: 'YQ==' },
}
const names: Record<string, string> = { '#a': 'a', '#m': 'zz' }

/** Adds exactly the ExpressionAttributeNames and Values the expressions use. */
function withValues(payload: Record<string, unknown>): Record<string, unknown> {
  const { pkValue, ...rest } = payload
  const text = Object.values(rest)
    .filter((value): value is string => typeof value === 'string')
    .join(' ')
  const usedValues = Object.fromEntries(
    Object.entries(values).filter(([placeholder]) => new RegExp(`${placeholder}\\b`).test(text)),
  )
  if (pkValue !== undefined) usedValues[':pk'] = { S: pkValue }
  const usedNames = Object.fromEntries(
    Object.entries(names).filter(([placeholder]) => text.includes(placeholder)),
  )
  return {
    ...rest,
    ...(Object.keys(usedValues).length > 0 ? { ExpressionAttributeValues: usedValues } : {}),
    ...(Object.keys(usedNames).length > 0 ? { ExpressionAttributeNames: usedNames } : {}),
  }
}

const paths = ['a', 'b', 'n', 'l', 'l[0]', 'm.x', 'ss', 'zz', '#a', '#m']
const placeholders = Object.keys(values)

function conditionExpression(withEvaluatorGaps: boolean): fc.Arbitrary<string> {
  const path = fc.constantFrom(...paths)
  const operand = fc.oneof(
    path,
    fc.constantFrom(...placeholders),
    path.map((p) => `size(${p})`),
  )
  const comparator = fc.constantFrom('=', '<>', '<', '<=', '>', '>=')
  const leaf = fc.oneof(
    fc.tuple(operand, comparator, operand).map(([left, op, right]) => `${left} ${op} ${right}`),
    path.map((p) => `attribute_exists(${p})`),
    path.map((p) => `attribute_not_exists(${p})`),
    fc.tuple(path, fc.constantFrom(':t', ':s')).map(([p, type]) => `attribute_type(${p}, ${type})`),
    ...(withEvaluatorGaps
      ? [
          fc
            .tuple(operand, operand, operand)
            .map(([subject, low, high]) => `${subject} BETWEEN ${low} AND ${high}`),
          fc
            .tuple(operand, fc.array(operand, { minLength: 1, maxLength: 3 }))
            .map(([subject, list]) => `${subject} IN (${list.join(', ')})`),
          fc.tuple(path, operand).map(([p, prefix]) => `begins_with(${p}, ${prefix})`),
          fc.tuple(path, operand).map(([p, member]) => `contains(${p}, ${member})`),
        ]
      : [
          fc
            .tuple(operand, fc.constantFrom(':n', ':s'))
            .map(([subject, bound]) => `${subject} BETWEEN ${bound} AND ${bound}`),
        ]),
  )
  const { condition } = fc.letrec<{ condition: string }>((tie) => ({
    condition: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .tuple(tie('condition'), fc.constantFrom('AND', 'OR'), tie('condition'))
        .map(([left, op, right]) => `${left} ${op} ${right}`),
      tie('condition').map((inner) => `NOT ${inner}`),
      tie('condition').map((inner) => `(${inner})`),
    ),
  }))
  return condition
}

function updateExpression(): fc.Arbitrary<string> {
  const target = fc.constantFrom('a', 'n', 'l[0]', 'l[5]', 'm.x', 'newattr', 'zz.x', '#a')
  const value = fc.oneof(
    fc.constantFrom(...placeholders),
    fc.constantFrom('n', 'l', 'zz'),
    fc
      .tuple(
        fc.constantFrom('n', ':n', 'a'),
        fc.constantFrom('+', '-'),
        fc.constantFrom(':n', 'n', ':s'),
      )
      .map((parts) => parts.join(' ')),
    fc
      .tuple(fc.constantFrom('n', 'zz', 'a'), fc.constantFrom(...placeholders))
      .map(([p, v]) => `if_not_exists(${p}, ${v})`),
    fc
      .tuple(fc.constantFrom('l', ':l', 'zz'), fc.constantFrom(':l', 'l', ':s'))
      .map(([a, b]) => `list_append(${a}, ${b})`),
  )
  return fc.oneof(
    fc.tuple(target, value).map(([t, v]) => `SET ${t} = ${v}`),
    target.map((t) => `REMOVE ${t}`),
    fc
      .tuple(fc.constantFrom('n', 'ss', 'zz', 'a'), fc.constantFrom(':n', ':ss', ':s', ':l'))
      .map(([t, v]) => `ADD ${t} ${v}`),
    fc
      .tuple(fc.constantFrom('ss', 'zz', 'a'), fc.constantFrom(':ss', ':s'))
      .map(([t, v]) => `DELETE ${t} ${v}`),
  )
}
