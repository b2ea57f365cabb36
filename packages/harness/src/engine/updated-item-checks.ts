import { nestingLimits, shapeProblem } from './attribute-shape.js'
import type { AttributeMap, AttributeValue } from './attribute-value.js'
import { ownValue, typeOf } from './attribute-value.js'
import { Big } from './dynalite-big.js'
import { type DynaliteError, dynaliteDb, type StoredTable } from './dynalite-internals.js'
import { checkIndexKeys } from './index-key-checks.js'

/** What an UpdateItem request says it changes. */
export interface ItemUpdate {
  _updates?: { sections: Array<{ path: ReadonlyArray<string | number> }> }
  AttributeUpdates?: Record<string, unknown>
}

/**
 * Checks the item an UpdateItem is about to write, after its condition held and its update
 * was applied, for what only the result shows (dynalite stored all of these), with DynamoDB
 * Local 3.3's words:
 *
 * - a Number made by `ADD` or `SET a = a + :x` with more than 38 significant digits ("DynamoDB
 *   only supports precision up to 38 digits"; `ADD 0.1` to a 38-digit number stored 39) or out
 *   of range ("Number overflow. ..." / "Number underflow. ...", as for a number given);
 * - an attribute an UpdateExpression leaves nested deeper than an item may hold ("Nesting Levels
 *   have exceeded supported limits"; `AttributeUpdates` values are checked as given);
 * - a secondary index key left empty or over its size limit (`index-key-checks.ts`).
 *
 * Only the attributes the update names are read: everything else was checked when written.
 *
 * @returns the ValidationException to answer, or undefined
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.Number
 */
export function checkUpdatedItem(
  update: ItemUpdate,
  table: StoredTable,
  item: AttributeMap,
): DynaliteError | undefined {
  const byExpression = update._updates !== undefined
  const names = new Set(
    byExpression
      ? (update._updates?.sections ?? []).map((section) => String(section.path[0]))
      : Object.keys(update.AttributeUpdates ?? {}),
  )
  for (const name of names) {
    const value = ownValue(item, name)
    if (value === undefined) continue
    const message = numberProblem(value, nestingLimits.requestValue + 1)
    if (message) return dynaliteDb.validationError(message)
  }
  if (byExpression) {
    for (const name of names) {
      if (shapeProblem(ownValue(item, name), nestingLimits.attribute) === 'nesting') {
        return dynaliteDb.validationError('Nesting Levels have exceeded supported limits')
      }
    }
  }
  return checkIndexKeys(item, table, byExpression ? 'update-expression' : 'item')
}

function numberProblem(value: AttributeValue, depth: number): string | undefined {
  if (depth < 0) return undefined
  const type = typeOf(value)
  const held = value[type ?? '']
  if (type === 'N') return numberRange(held)
  if (type === 'NS' && Array.isArray(held)) {
    for (const member of held) {
      const problem = numberRange(member)
      if (problem) return problem
    }
  }
  if (type === 'L' && Array.isArray(held)) {
    for (const element of held) {
      const problem = numberProblem(element as AttributeValue, depth - 1)
      if (problem) return problem
    }
  }
  if (type === 'M' && held !== null && typeof held === 'object') {
    for (const member of Object.values(held)) {
      const problem = numberProblem(member as AttributeValue, depth - 1)
      if (problem) return problem
    }
  }
  return undefined
}

function numberRange(number: unknown): string | undefined {
  let value: ReturnType<typeof toBig>
  try {
    value = toBig(number)
  } catch {
    return undefined
  }
  if (value.c.length > 38) return 'DynamoDB only supports precision up to 38 digits'
  if (value.c.length === 1 && value.c[0] === 0) return undefined
  if (value.e > 125) {
    return 'Number overflow. Attempting to store a number with magnitude larger than supported range'
  }
  if (value.e < -130) {
    return 'Number underflow. Attempting to store a number with magnitude smaller than supported range'
  }
  return undefined
}

function toBig(number: unknown) {
  return new Big(String(number))
}
