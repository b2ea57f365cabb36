import { marshall } from '@aws-sdk/util-dynamodb'
import { Big, type BigNumber } from '../engine/dynalite-big.js'
import type { StoredItem } from '../engine/dynalite-internals.js'

import type { SeedFormat } from './seed-types.js'

export type { SeedFormat }

/** Why one item of a seed cannot be loaded; `path` names the attribute (`profile.emails[2]`). */
export class SeedItemError extends Error {
  readonly path: string | undefined

  constructor(message: string, path?: string) {
    super(message)
    this.path = path
  }
}

const typeKeys = new Set(['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL'])

/**
 * Whether an item is written in DynamoDB JSON: every attribute is an object (`{ "S": "..." }`).
 * A plain JSON item always has a scalar attribute (its partition key), so an item of objects is
 * DynamoDB JSON even when one is malformed (`{ "X": "1" }`, `{ "S": "a", "N": "1" }`):
 * {@link toStoredItem} then names that attribute, rather than the item being read as plain JSON
 * of nested maps and failing on its key. Only the shape is looked at here.
 */
export function looksLikeDynamoJson(item: Record<string, unknown>): boolean {
  const values = Object.values(item)
  return (
    values.length > 0 &&
    values.every((value) => value !== null && typeof value === 'object' && !Array.isArray(value))
  )
}

/**
 * The DynamoDB JSON of one seed item: checked value by value (DynamoDB JSON), or converted by
 * `@aws-sdk/util-dynamodb`'s marshall (plain JSON: numbers to N, arrays to L, objects to M).
 * A `{ "PutRequest": { "Item": ... } }` entry, as `aws dynamodb batch-write-item` files hold,
 * is unwrapped first.
 *
 * @throws {@link SeedItemError} naming the attribute and what is wrong with it
 */
export function toStoredItem(entry: unknown, format: SeedFormat): StoredItem {
  const item = unwrap(entry)
  if (format === 'plain') {
    const stored: StoredItem = {}
    for (const [name, value] of Object.entries(item)) {
      if (value === undefined) continue
      let converted: StoredItem
      try {
        converted = marshall({ [name]: value }, { removeUndefinedValues: true }) as never
      } catch (error) {
        throw new SeedItemError(
          `cannot be converted to a DynamoDB value: ${(error as Error).message}`,
          name,
        )
      }
      // A number the marshaller took (1e-200) can still be out of DynamoDB's range: checked
      // here, so the error names the attribute.
      for (const [key, attribute] of Object.entries(converted)) checkNumbers(attribute, key)
      Object.assign(stored, converted)
    }
    return stored
  }
  for (const [name, value] of Object.entries(item)) checkAttributeValue(value, name)
  return item as StoredItem
}

function unwrap(entry: unknown): Record<string, unknown> {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    throw new SeedItemError(
      `is ${entry === null ? 'null' : Array.isArray(entry) ? 'an array' : `a ${typeof entry}`}: every item must be a JSON object of attributes`,
    )
  }
  const record = entry as Record<string, unknown>
  const put = record.PutRequest as Record<string, unknown> | undefined
  if (Object.keys(record).length === 1 && put && typeof put === 'object') {
    const item = put.Item
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new SeedItemError('is a PutRequest without an Item object')
    }
    return item as Record<string, unknown>
  }
  return record
}

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/

function checkAttributeValue(value: unknown, path: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SeedItemError(
      `must be a DynamoDB attribute value such as { "S": "text" } or { "N": "1" }, got ${JSON.stringify(value)}`,
      path,
    )
  }
  const keys = Object.keys(value)
  const type = keys[0] as string
  if (keys.length !== 1 || !typeKeys.has(type)) {
    throw new SeedItemError(
      `must have exactly one type key (S, N, B, SS, NS, BS, M, L, NULL or BOOL), got ${keys.length === 0 ? 'none' : keys.join(', ')}`,
      path,
    )
  }
  const content = (value as Record<string, unknown>)[type]
  const fail = (expected: string) => {
    throw new SeedItemError(`${type} must be ${expected}, got ${JSON.stringify(content)}`, path)
  }
  switch (type) {
    case 'S':
      if (typeof content !== 'string') fail('a string')
      break
    case 'N':
      if (typeof content !== 'string' || !numberPattern.test(content))
        fail('a string holding a number, such as "42"')
      checkNumberRange(content as string, path)
      break
    case 'B':
      if (typeof content !== 'string' || !base64Pattern.test(content)) fail('a base64 string')
      break
    case 'SS':
    case 'NS':
    case 'BS': {
      const element =
        type === 'SS'
          ? (e: unknown) => typeof e === 'string'
          : type === 'NS'
            ? (e: unknown) => typeof e === 'string' && numberPattern.test(e)
            : (e: unknown) => typeof e === 'string' && base64Pattern.test(e)
      if (!Array.isArray(content) || content.length === 0 || !content.every(element)) {
        fail(
          `a non-empty array of ${type === 'SS' ? 'strings' : type === 'NS' ? 'number strings' : 'base64 strings'}`,
        )
      }
      if (new Set(content as string[]).size !== (content as string[]).length)
        fail('a set: without duplicates')
      if (type === 'NS') {
        for (const element of content as string[]) checkNumberRange(element, path)
      }
      break
    }
    case 'M':
      if (content === null || typeof content !== 'object' || Array.isArray(content))
        fail('an object of attribute values')
      for (const [name, nested] of Object.entries(content as object))
        checkAttributeValue(nested, `${path}.${name}`)
      break
    case 'L':
      if (!Array.isArray(content)) fail('an array of attribute values')
      for (const [index, nested] of (content as unknown[]).entries())
        checkAttributeValue(nested, `${path}[${index}]`)
      break
    case 'NULL':
      if (content !== true) fail('true')
      break
    case 'BOOL':
      if (typeof content !== 'boolean') fail('true or false')
      break
  }
}

/**
 * DynamoDB's range for a Number: up to 38 significant digits, magnitude from 1E-130 to under
 * 1E+126 (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.Number).
 * Checked here so the error names the attribute; DynamoDB's own message does not.
 */
function checkNumberRange(text: string, path: string): void {
  let number: BigNumber
  try {
    number = new Big(text)
  } catch {
    // big.js takes no leading "+"; DynamoDB's own PutItem here refuses it too.
    throw new SeedItemError(
      `N ${JSON.stringify(text)} is not a number this emulator stores: write digits with an optional leading "-", such as "-1.5e3"`,
      path,
    )
  }
  const problem =
    number.c.length > 38
      ? 'has more than 38 significant digits, the most a DynamoDB Number holds'
      : number.c.length === 1 && number.c[0] === 0
        ? undefined
        : number.e > 125
          ? 'is too large: a DynamoDB Number is under 1E+126 in magnitude'
          : number.e < -130
            ? 'is too small: a DynamoDB Number is 0 or at least 1E-130 in magnitude'
            : undefined
  if (problem) throw new SeedItemError(`N ${JSON.stringify(text)} ${problem}`, path)
}

/** {@link checkNumberRange} on every Number in a marshalled value (N, NS, inside M and L). */
function checkNumbers(value: Record<string, unknown>, path: string): void {
  if (typeof value.N === 'string') checkNumberRange(value.N, path)
  if (Array.isArray(value.NS))
    for (const element of value.NS) checkNumberRange(String(element), path)
  if (Array.isArray(value.L)) {
    for (const [index, nested] of value.L.entries()) checkNumbers(nested, `${path}[${index}]`)
  }
  if (value.M !== null && typeof value.M === 'object') {
    for (const [name, nested] of Object.entries(value.M as object))
      checkNumbers(nested, `${path}.${name}`)
  }
}
