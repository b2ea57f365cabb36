import type { AttributeMap, AttributeValue } from './attribute-value.js'
import { ownValue, typeOf } from './attribute-value.js'
import { attributeValuesEqual } from './attribute-value-equality.js'
import { compareScalars } from './attribute-value-order.js'
import { beginsWith, containsValue } from './condition-functions.js'

/** One legacy condition: an entry of `Expected`, `QueryFilter`, `ScanFilter` or `KeyConditions`. */
export interface LegacyCondition {
  ComparisonOperator?: string
  AttributeValueList?: AttributeValue[]
  /** `Expected` only: the value the attribute must equal. */
  Value?: AttributeValue
  /** `Expected` only: false when the attribute must not exist. */
  Exists?: boolean
}

const expressionOperators: Readonly<Record<string, string>> = {
  '=': 'EQ',
  '<>': 'NE',
  '<': 'LT',
  '<=': 'LE',
  '>': 'GT',
  '>=': 'GE',
  between: 'BETWEEN',
  in: 'IN',
  begins_with: 'BEGINS_WITH',
  contains: 'CONTAINS',
  attribute_exists: 'NOT_NULL',
  attribute_not_exists: 'NULL',
}

/**
 * Evaluates one legacy ComparisonOperator on a value (undefined when the attribute is missing),
 * as DynamoDB Local 3.3 answers: `NE` is true for a missing attribute, `NOT_CONTAINS` false;
 * `LT`..`GE` and `BETWEEN` order Strings by UTF-8 bytes, Numbers by value, Binary by bytes; `EQ`
 * and `IN` compare by value (sets whatever their order, Maps by content). Also takes the
 * expression spellings (`=`, `<`, `between`...), as dynalite's `compare` did. Never throws.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.Conditions.html
 */
export function compareLegacy(
  operator: string,
  given: AttributeValue | undefined | null,
  givenOperands: ReadonlyArray<AttributeValue | undefined | null>,
): boolean {
  const value = asValue(given)
  const operands = givenOperands.map(asValue)
  const [first, second] = operands
  switch (expressionOperators[operator] ?? operator) {
    case 'EQ':
      return attributeValuesEqual(value, first)
    case 'NE':
      return !attributeValuesEqual(value, first)
    case 'LT':
      return holds(compareScalars(value, first), (order) => order < 0)
    case 'LE':
      return holds(compareScalars(value, first), (order) => order <= 0)
    case 'GT':
      return holds(compareScalars(value, first), (order) => order > 0)
    case 'GE':
      return holds(compareScalars(value, first), (order) => order >= 0)
    case 'NOT_NULL':
      return value !== undefined
    case 'NULL':
      return value === undefined
    case 'CONTAINS':
      return value !== undefined && first !== undefined && containsValue(value, first)
    case 'NOT_CONTAINS':
      return value !== undefined && first !== undefined && !containsValue(value, first)
    case 'BEGINS_WITH':
      return value !== undefined && first !== undefined && beginsWith(value, first)
    case 'IN':
      return value !== undefined && operands.some((operand) => attributeValuesEqual(value, operand))
    case 'BETWEEN':
      return (
        holds(compareScalars(value, first), (order) => order >= 0) &&
        holds(compareScalars(value, second), (order) => order <= 0)
      )
    default:
      return false
  }
}

/** The operator and operands an `Expected` or filter entry stands for. */
export function legacyOperator(condition: LegacyCondition): {
  operator: string
  operands: ReadonlyArray<AttributeValue | undefined>
} {
  if (condition.ComparisonOperator !== undefined) {
    return {
      operator: condition.ComparisonOperator,
      operands: condition.AttributeValueList ?? (condition.Value ? [condition.Value] : []),
    }
  }
  // `Exists: true` (or no `Exists`) with a `Value` means the attribute equals that value.
  if (condition.Exists === false) return { operator: 'NULL', operands: [] }
  return condition.Value === undefined
    ? { operator: 'NOT_NULL', operands: [] }
    : { operator: 'EQ', operands: [condition.Value] }
}

/**
 * Whether an item meets a map of legacy conditions (`Expected`, `QueryFilter`, `ScanFilter`):
 * all of them, or any of them with `ConditionalOperator: 'OR'`. No conditions: true.
 */
export function matchesLegacyConditions(
  conditions: Readonly<Record<string, LegacyCondition>>,
  conditionalOperator: string | undefined,
  item: AttributeMap,
): boolean {
  const names = Object.keys(conditions)
  if (names.length === 0) return true
  const results = names.map((name) => {
    const { operator, operands } = legacyOperator(conditions[name] as LegacyCondition)
    return compareLegacy(operator, ownValue(item, name), operands)
  })
  return conditionalOperator === 'OR' ? results.some(Boolean) : results.every(Boolean)
}

function asValue(value: unknown): AttributeValue | undefined {
  return typeOf(value) === undefined ? undefined : (value as AttributeValue)
}

function holds(order: number | undefined, test: (order: number) => boolean): boolean {
  return order !== undefined && test(order)
}
