import { InvalidInputError } from './invalid-input-error.js'

/**
 * DynamoDB's size limits of key values, in UTF-8 bytes, for a table's keys and a global secondary
 * index's alike: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-partition-sort-keys
 */
export const keySizeLimits = { partitionKey: 2048, sortKey: 1024 } as const

const keyLimitsSource =
  'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-partition-sort-keys'

const encoder = new TextEncoder()

/** The size of a string as DynamoDB counts it: UTF-8 bytes. */
export function utf8Bytes(value: string): number {
  return encoder.encode(value).length
}

/** Which key of the table or index an attribute is, for the limit and the message. */
export interface KeyRole {
  /** The attribute's name, e.g. `GSI1SK`. */
  attribute: string
  /** What it is, e.g. `index sort key`. */
  description: string
  /** Its limit in bytes. */
  limit: number
}

/**
 * Throws when a key value built from `field` is over DynamoDB's limit, naming the field, the key
 * and the longest the field may be. The key value contains the field's value once, after a fixed
 * prefix, so the room left for the field is the limit less the rest of the key.
 *
 * @throws InvalidInputError naming the field, the key attribute and both limits.
 */
export function assertKeyFits(role: KeyRole, keyValue: string, field: string, fieldValue: string) {
  const keyBytes = utf8Bytes(keyValue)
  if (keyBytes <= role.limit) return
  const fieldBytes = utf8Bytes(fieldValue)
  const fieldLimit = role.limit - (keyBytes - fieldBytes)
  throw new InvalidInputError(
    `"${field}" is too long: it is ${fieldBytes} bytes (UTF-8), which makes the ${role.description} "${role.attribute}" ${keyBytes} bytes, and DynamoDB allows at most ${role.limit} bytes in a ${role.description.replace(/^index /, '')} (${keyLimitsSource}). Here "${field}" can be at most ${Math.max(0, fieldLimit)} bytes.`,
  )
}
