import { InvalidInputError } from './invalid-input-error.js'

function describe(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (value instanceof Date) return `an invalid Date`
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN'
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'object') return value === null ? 'null' : 'an object'
  return `${typeof value} ${String(value)}`
}

/**
 * The value, when it is a non-empty string: every id, email and token the adapter puts in a key.
 * Without this check `getUserByEmail(undefined)` looks up the literal email "undefined".
 *
 * @throws InvalidInputError naming the field and what it got.
 */
export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new InvalidInputError(`"${field}" must be a non-empty string, got ${describe(value)}`)
  }
  return value
}

/**
 * The value, when it is a valid Date: `expires` of sessions and tokens. `null`, `NaN`, an invalid
 * Date or a string would otherwise store an item that never expires.
 *
 * @throws InvalidInputError naming the field and what it got.
 */
export function requireDate(value: unknown, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new InvalidInputError(`"${field}" must be a valid Date, got ${describe(value)}`)
  }
  return value
}

/**
 * The object argument of a method (an account, a session...).
 *
 * @throws InvalidInputError naming the argument when it is not an object.
 */
export function requireObject(value: unknown, argument: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidInputError(`"${argument}" must be an object, got ${describe(value)}`)
  }
  return value as Record<string, unknown>
}

/**
 * An email that may be absent: `undefined`, `null` or `''` (a user without an email, as next-auth
 * v4 creates for some OAuth providers) give `undefined`.
 *
 * @throws InvalidInputError for anything but a string, `null` or `undefined`.
 */
export function optionalEmail(value: unknown, field = 'email'): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string') {
    throw new InvalidInputError(
      `"${field}" must be a string, null or undefined, got ${describe(value)}`,
    )
  }
  return value
}
