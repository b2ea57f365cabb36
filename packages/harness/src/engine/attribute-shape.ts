/**
 * DynamoDB's limits on the shape of attribute values, as DynamoDB Local 3.3 applies them.
 *
 * Nesting counts Maps and Lists inside one another. An attribute of an item or a key may hold
 * 31 of them (`{M:{a:{M:...}}}` 31 deep around a scalar is stored, 32 deep is refused); a value
 * given in a request (ExpressionAttributeValues, `Expected`, `AttributeUpdates`, filters) may
 * hold 32. The docs say "up to 32 levels deep", counting the attribute itself.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-attributes
 */
export const nestingLimits = { attribute: 31, requestValue: 32 } as const

/** What is wrong with the shape of a value: a map key that is empty, or nesting too deep. */
export type ShapeProblem = 'empty-name' | 'nesting'

/**
 * The first shape problem in a value, depth first, or undefined: a Map member named `""`, or
 * more than `maxContainers` Maps and Lists inside one another. Stops descending past the limit,
 * so its own recursion is bounded whatever the value holds.
 */
export function shapeProblem(value: unknown, maxContainers: number): ShapeProblem | undefined {
  return walk(value, maxContainers)
}

function walk(value: unknown, remaining: number): ShapeProblem | undefined {
  if (value === null || typeof value !== 'object') return undefined
  const record = value as Record<string, unknown>
  const map = record.M
  const list = record.L
  if (map !== null && typeof map === 'object' && !Array.isArray(map)) {
    if (remaining === 0) return 'nesting'
    for (const name of Object.keys(map)) {
      if (name === '') return 'empty-name'
      const problem = walk((map as Record<string, unknown>)[name], remaining - 1)
      if (problem) return problem
    }
  } else if (Array.isArray(list)) {
    if (remaining === 0) return 'nesting'
    for (const element of list) {
      const problem = walk(element, remaining - 1)
      if (problem) return problem
    }
  }
  return undefined
}
