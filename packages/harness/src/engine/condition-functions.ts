import type { AttributeValue } from './attribute-value.js'
import { typeOf } from './attribute-value.js'
import { attributeValuesEqual, canonicalNumber } from './attribute-value-equality.js'

/**
 * `contains(container, operand)` and the legacy `CONTAINS`, as DynamoDB evaluates them: a
 * substring of a String, a byte sequence within a Binary, a member of a set (Numbers by value),
 * or an element of a List (by equality, so a Map or a List can be found in a List). Anything
 * else, a Map included, contains nothing.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html#Expressions.OperatorsAndFunctions.Functions
 */
export function containsValue(container: AttributeValue, operand: AttributeValue): boolean {
  const operandType = typeOf(operand)
  const containerType = typeOf(container)
  if (containerType === undefined || operandType === undefined) return false
  const held = container[containerType]
  switch (containerType) {
    case 'S':
      return operandType === 'S' && String(held).includes(String(operand.S))
    case 'B':
      return (
        operandType === 'B' &&
        Buffer.from(String(held), 'base64').includes(Buffer.from(String(operand.B), 'base64'))
      )
    case 'SS':
      return operandType === 'S' && Array.isArray(held) && held.includes(operand.S)
    case 'NS': {
      if (operandType !== 'N' || !Array.isArray(held)) return false
      const wanted = canonicalNumber(operand.N)
      return held.some((member) => canonicalNumber(member) === wanted)
    }
    case 'BS': {
      if (operandType !== 'B' || !Array.isArray(held)) return false
      const wanted = Buffer.from(String(operand.B), 'base64')
      return held.some((member) => Buffer.from(String(member), 'base64').equals(wanted))
    }
    case 'L':
      return Array.isArray(held) && held.some((element) => attributeValuesEqual(element, operand))
    default:
      return false
  }
}

/**
 * `begins_with(value, prefix)` and the legacy `BEGINS_WITH`: a String that starts with a String,
 * or a Binary whose bytes start with a Binary's.
 */
export function beginsWith(value: AttributeValue, prefix: AttributeValue): boolean {
  const type = typeOf(value)
  if (type !== typeOf(prefix)) return false
  if (type === 'S') return String(value.S).startsWith(String(prefix.S))
  if (type === 'B') {
    const bytes = Buffer.from(String(value.B), 'base64')
    const start = Buffer.from(String(prefix.B), 'base64')
    return bytes.subarray(0, start.length).equals(start)
  }
  return false
}

/**
 * `size(value)` as DynamoDB Local 3.3 answers it: a String's length in UTF-16 code units
 * (`size` of `"😀é"` is 3), a Binary's in bytes, the members of a set or List, the entries of a
 * Map; undefined for a Number, Boolean or Null (which have no size: every comparison with it is
 * false).
 */
export function sizeOf(value: AttributeValue): AttributeValue | undefined {
  const type = typeOf(value)
  if (type === undefined) return undefined
  const held = value[type]
  let size: number | undefined
  if (type === 'S') size = String(held).length
  else if (type === 'B') size = Buffer.from(String(held), 'base64').length
  else if (type === 'SS' || type === 'NS' || type === 'BS' || type === 'L') {
    size = Array.isArray(held) ? held.length : undefined
  } else if (type === 'M') {
    size = held !== null && typeof held === 'object' ? Object.keys(held).length : undefined
  }
  return size === undefined ? undefined : { N: String(size) }
}
