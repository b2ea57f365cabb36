import type { AttributeMap, AttributeValue } from './attribute-value.js'
import { ownValue, typeOf } from './attribute-value.js'
import { attributeValuesEqual } from './attribute-value-equality.js'
import { compareScalars } from './attribute-value-order.js'
import { beginsWith, containsValue, sizeOf } from './condition-functions.js'

/**
 * A document path as dynalite's expression parser gives it: the attribute name, then map keys
 * (strings) and list indexes (numbers), names already resolved from ExpressionAttributeNames.
 */
export type DocumentPath = ReadonlyArray<string | number>

/** A node of a condition or filter expression, as dynalite's condition parser builds it. */
export interface ConditionNode {
  type: string
  name?: string
  args: ConditionOperand[]
}

/** An operand: a document path, a `size()` call, a nested condition, or an attribute value. */
export type ConditionOperand = DocumentPath | ConditionNode | AttributeValue

/**
 * Evaluates a ConditionExpression or FilterExpression, parsed by dynalite's condition parser
 * (`data._condition.expression`, `data._filter.expression`), against an item (an empty object
 * for an item that does not exist).
 *
 * Semantics as DynamoDB Local 3.3 answers them: a comparison with a missing attribute, a missing
 * `size()` or values of different types is false (`<>` is its negation, so it is true);
 * `<`, `<=`, `>`, `>=` and `BETWEEN` order Strings by UTF-8 bytes, Numbers by value, Binary by
 * bytes; `=` and `IN` compare sets whatever their order and Maps by content; `IN` skips operands
 * that resolve to nothing. Never throws on what an item holds.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html
 */
export function evaluateCondition(node: ConditionNode, item: AttributeMap): boolean {
  const args = node.args
  switch (node.type) {
    case 'and':
      return (
        evaluateCondition(args[0] as ConditionNode, item) &&
        evaluateCondition(args[1] as ConditionNode, item)
      )
    case 'or':
      return (
        evaluateCondition(args[0] as ConditionNode, item) ||
        evaluateCondition(args[1] as ConditionNode, item)
      )
    case 'not':
      return !evaluateCondition(args[0] as ConditionNode, item)
    case '=':
      return attributeValuesEqual(resolve(args[0], item), resolve(args[1], item))
    case '<>':
      return !attributeValuesEqual(resolve(args[0], item), resolve(args[1], item))
    case '<':
      return ordered(args, item, (order) => order < 0)
    case '<=':
      return ordered(args, item, (order) => order <= 0)
    case '>':
      return ordered(args, item, (order) => order > 0)
    case '>=':
      return ordered(args, item, (order) => order >= 0)
    case 'between': {
      const value = resolve(args[0], item)
      const low = compareScalars(value, resolve(args[1], item))
      const high = compareScalars(value, resolve(args[2], item))
      return low !== undefined && high !== undefined && low >= 0 && high <= 0
    }
    case 'in': {
      const value = resolve(args[0], item)
      return (
        value !== undefined &&
        args.slice(1).some((operand) => attributeValuesEqual(value, resolve(operand, item)))
      )
    }
    case 'function':
      return evaluateFunction(node, item)
    default:
      return false
  }
}

function evaluateFunction(node: ConditionNode, item: AttributeMap): boolean {
  const [first, second] = node.args
  switch (node.name) {
    case 'attribute_exists':
      return resolve(first, item) !== undefined
    case 'attribute_not_exists':
      return resolve(first, item) === undefined
    case 'attribute_type': {
      const value = resolve(first, item)
      const type = resolve(second, item)
      return value !== undefined && type?.S !== undefined && typeOf(value) === type.S
    }
    case 'begins_with': {
      const value = resolve(first, item)
      const prefix = resolve(second, item)
      return value !== undefined && prefix !== undefined && beginsWith(value, prefix)
    }
    case 'contains': {
      const container = resolve(first, item)
      const operand = resolve(second, item)
      return container !== undefined && operand !== undefined && containsValue(container, operand)
    }
    default:
      return false
  }
}

function ordered(
  args: ConditionOperand[],
  item: AttributeMap,
  holds: (order: number) => boolean,
): boolean {
  const order = compareScalars(resolve(args[0], item), resolve(args[1], item))
  return order !== undefined && holds(order)
}

/** The value an operand stands for in an item, or undefined when there is none. */
export function resolve(
  operand: ConditionOperand | undefined,
  item: AttributeMap,
): AttributeValue | undefined {
  if (operand === undefined || operand === null) return undefined
  if (Array.isArray(operand)) return resolvePath(operand, item)
  const node = operand as ConditionNode
  if (node.type === 'function') {
    if (node.name !== 'size') return undefined
    const value = resolve(node.args[0], item)
    return value === undefined ? undefined : sizeOf(value)
  }
  return operand as AttributeValue
}

/** The value at a document path, or undefined when any step of it is missing. */
export function resolvePath(path: DocumentPath, item: AttributeMap): AttributeValue | undefined {
  let value = ownValue(item, String(path[0]))
  for (let step = 1; step < path.length && value !== undefined; step++) {
    const piece = path[step]
    if (typeof piece === 'number') {
      const list = value.L
      value = Array.isArray(list)
        ? ownValue(list as unknown as Record<string, unknown>, String(piece))
        : undefined
    } else {
      const map = value.M
      value =
        map !== null && typeof map === 'object' && !Array.isArray(map)
          ? ownValue(map as Record<string, unknown>, String(piece))
          : undefined
    }
  }
  return value
}
