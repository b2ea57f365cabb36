import { fromStoredExpires, toEpochSeconds } from './epoch-seconds.js'
import { requireDate } from './input.js'
import { InvalidInputError } from './invalid-input-error.js'
import { isIsoDateString } from './iso-date.js'
import type { EntityMarker, TableLayout } from './table-layout.js'

/** A stored item or a set of attributes about to be stored. */
export type Attributes = Record<string, unknown>

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/**
 * One value as stored. Done here rather than left to the client's marshall options, so that the
 * result is the same with any client: `undefined` is dropped (a client without
 * `removeUndefinedValues` would throw), Dates become ISO strings (a client without
 * `convertClassInstanceToMap` would throw), `null` stays `null`.
 *
 * @throws InvalidInputError for an invalid Date.
 */
export function toStoredValue(path: string, value: unknown): unknown {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InvalidInputError(`"${path}" is an invalid Date`)
    return value.toISOString()
  }
  if (Array.isArray(value)) {
    return value
      .filter((entry) => entry !== undefined)
      .map((entry, index) => toStoredValue(`${path}[${index}]`, entry))
  }
  if (isPlainObject(value)) {
    const stored: Attributes = {}
    for (const [key, entry] of Object.entries(value)) {
      if (entry !== undefined) stored[key] = toStoredValue(`${path}.${key}`, entry)
    }
    return stored
  }
  return value
}

/**
 * The attributes of an Auth.js object as stored: storage attributes the caller may have passed are
 * left out (the adapter sets them), `undefined` fields are skipped, a top-level `expires` Date
 * becomes epoch seconds (the TTL attribute, milliseconds as a fraction), other Dates ISO strings.
 *
 * @throws InvalidInputError for an invalid Date.
 */
export function toStoredAttributes(layout: TableLayout, data: object): Attributes {
  const stored: Attributes = {}
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined || layout.storageAttributes.has(key)) continue
    stored[key] =
      key === 'expires' && value instanceof Date
        ? toEpochSeconds(requireDate(value, key))
        : toStoredValue(key, value)
  }
  return stored
}

/**
 * An item as Auth.js sees it: storage attributes (keys and index keys under their configured
 * names, and the entity's `type` marker) removed, `expires` read from epoch seconds or an ISO
 * string, and top-level ISO date strings turned back into Dates. The last includes custom user
 * fields that merely look like an ISO date-time (`"2024-01-02T03:04:05.000Z"`): they come back as
 * Dates, as with `@auth/dynamodb-adapter`, so both read a table alike (the README says so).
 */
export function fromItem<T>(layout: TableLayout, item: Attributes, marker?: EntityMarker): T {
  const result: Attributes = {}
  for (const [key, value] of Object.entries(item)) {
    if (layout.storageAttributes.has(key)) continue
    if (key === 'type' && marker !== undefined && value === marker) continue
    if (key === 'expires') result[key] = fromStoredExpires(value)
    else result[key] = isIsoDateString(value) ? new Date(value) : value
  }
  return result as T
}
