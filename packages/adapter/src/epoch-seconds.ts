import { InvalidInputError } from './invalid-input-error.js'
import { isIsoDateString } from './iso-date.js'

/**
 * `expires` as stored: whole epoch seconds, the unit DynamoDB TTL reads. Rounded down, so the
 * stored expiry is never later than the one Auth.js asked for: a session or token can lose up to
 * 999 ms of validity, but never outlive it.
 *
 * @throws InvalidInputError for an invalid Date.
 */
export function toEpochSeconds(field: string, date: Date): number {
  const ms = date.getTime()
  if (Number.isNaN(ms)) throw new InvalidInputError(`"${field}" is an invalid Date`)
  return Math.floor(ms / 1000)
}

/**
 * Reads a stored `expires`: a Number of epoch seconds (whole, or fractional as
 * `@auth/dynamodb-adapter` writes it), or an ISO 8601 string (as older tables hold it).
 * Anything else is returned unchanged.
 */
export function fromStoredExpires(value: unknown): unknown {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value * 1000)
  if (isIsoDateString(value)) return new Date(value)
  return value
}

/** Whether a stored `expires` lies at or before now (Date.now()); an unreadable value is not expired. */
export function isExpired(expires: unknown, now: number = Date.now()): boolean {
  const date = fromStoredExpires(expires)
  return date instanceof Date && date.getTime() <= now
}
