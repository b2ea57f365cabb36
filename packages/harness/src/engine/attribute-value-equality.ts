import type { AttributeValue } from './attribute-value.js'
import { ownValue, typeOf } from './attribute-value.js'
import { Big } from './dynalite-big.js'

/**
 * Whether two attribute values are equal as DynamoDB's `=`, `IN`, `contains` and `EQ` see them:
 * the same type and the same value, Numbers by value (`1` equals `1.0`), Binary by bytes, sets
 * whatever their order, Lists element by element in order, Maps by content whatever the order of
 * their keys. Never throws, whatever the values hold.
 */
export function attributeValuesEqual(
  a: AttributeValue | undefined,
  b: AttributeValue | undefined,
): boolean {
  const type = typeOf(a)
  if (type === undefined || type !== typeOf(b)) return false
  const left = (a as AttributeValue)[type]
  const right = (b as AttributeValue)[type]
  switch (type) {
    case 'S':
    case 'BOOL':
      return left === right
    case 'NULL':
      return true
    case 'N':
      return numbersEqual(left, right)
    case 'B':
      return (
        typeof left === 'string' && typeof right === 'string' && bytesOf(left) === bytesOf(right)
      )
    case 'SS':
      return setsEqual(left, right, (member) => member)
    case 'NS':
      return setsEqual(left, right, canonicalNumber)
    case 'BS':
      return setsEqual(left, right, bytesOf)
    case 'L':
      return (
        Array.isArray(left) &&
        Array.isArray(right) &&
        left.length === right.length &&
        left.every((element, index) => attributeValuesEqual(element, right[index]))
      )
    case 'M': {
      if (!isMap(left) || !isMap(right)) return false
      const names = Object.keys(left)
      if (names.length !== Object.keys(right).length) return false
      return names.every((name) =>
        attributeValuesEqual(ownValue(left, name), ownValue(right, name)),
      )
    }
    default:
      return false
  }
}

/** A Number's value as one canonical string (`1.0` and `1E0` both give `1`). */
export function canonicalNumber(value: unknown): string {
  try {
    return new Big(String(value)).toFixed()
  } catch {
    return `invalid:${String(value)}`
  }
}

function numbersEqual(left: unknown, right: unknown): boolean {
  if (typeof left !== 'string' || typeof right !== 'string') return false
  try {
    return new Big(left).eq(right)
  } catch {
    return false
  }
}

function bytesOf(base64: unknown): string {
  return Buffer.from(String(base64), 'base64').toString('hex')
}

function setsEqual(left: unknown, right: unknown, canonical: (member: unknown) => unknown) {
  if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false
  const members = new Set(left.map(canonical))
  return right.every((member) => members.has(canonical(member)))
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
