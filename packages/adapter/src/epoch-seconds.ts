import { isIsoDateString } from './iso-date.js'

/**
 * `expires` as stored: epoch seconds, the unit DynamoDB TTL reads, with the milliseconds kept as
 * a fraction (`1718000000.151`), as `@auth/dynamodb-adapter` writes it, so a Date round-trips
 * exactly. TTL accepts a fractional Number. The caller has checked the Date is valid.
 */
export function toEpochSeconds(date: Date): number {
  return date.getTime() / 1000
}

/**
 * Reads a stored `expires`: a Number of epoch seconds (fractional as this adapter and
 * `@auth/dynamodb-adapter` write it, or whole as older versions wrote it), or an ISO 8601 string
 * (as older tables hold it). Anything else is returned unchanged. Rounded to the millisecond,
 * because `ms / 1000 * 1000` is not always exactly `ms` in floating point.
 */
export function fromStoredExpires(value: unknown): unknown {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(Math.round(value * 1000))
  if (isIsoDateString(value)) return new Date(value)
  return value
}

/** Whether a stored `expires` lies at or before now (Date.now()); an unreadable value is not expired. */
export function isExpired(expires: unknown, now: number = Date.now()): boolean {
  const date = fromStoredExpires(expires)
  return date instanceof Date && date.getTime() <= now
}
