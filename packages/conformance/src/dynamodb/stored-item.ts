import type { AuthjsTableNames } from './table-names.js'

/** The `type` marker the single-table layout stores on each entity (accounts keep their own). */
export type EntityMarker = 'USER' | 'SESSION' | 'VT' | 'AUTHENTICATOR'

// Date.prototype.toISOString's shape (and the offsets Auth.js's own isDate accepts), anchored so
// free text that merely contains a date stays a string.
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

function isoDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !isoDateTime.test(value)) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/**
 * A stored `expires` as a Date: a Number of epoch seconds (whole, or fractional as
 * `@auth/dynamodb-adapter` writes it), or an ISO string (older tables). Anything else is returned
 * unchanged, so a wrong type shows up in the comparison.
 *
 * @param value - the stored attribute
 */
export function storedExpiresToDate(value: unknown): unknown {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(Math.round(value * 1000))
  return isoDate(value) ?? value
}

/**
 * A stored item in the shape Auth.js types it: the table's key and index attributes (under the
 * configured names) and the entity's `type` marker removed, `expires` read as a Date, and the
 * other top-level ISO date-time strings (how the layout stores Dates) turned back into Dates.
 *
 * @param item - the item as the document client returns it
 * @param names - the table's attribute names
 * @param marker - the entity's `type` marker; `undefined` for accounts, whose `type` is their own
 */
export function toAuthjsRecord(
  item: Record<string, unknown>,
  names: AuthjsTableNames,
  marker: EntityMarker | undefined,
): Record<string, unknown> {
  const storage = new Set([
    names.partitionKey,
    names.sortKey,
    names.indexPartitionKey,
    names.indexSortKey,
  ])
  const record: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(item)) {
    if (storage.has(key)) continue
    if (key === 'type' && marker !== undefined && value === marker) continue
    record[key] = key === 'expires' ? storedExpiresToDate(value) : (isoDate(value) ?? value)
  }
  return record
}
