import { fromStoredExpires } from './epoch-seconds.js'
import { isIsoDateString } from './iso-date.js'

// `@auth/dynamodb-adapter` exports these two helpers and apps use them to read and write the
// table next to the adapter. Same names, signatures and results, so such code keeps compiling and
// working when only the import line changes.

const upstreamKeys = new Set(['pk', 'sk', 'GSI1PK', 'GSI1SK'])
const upstreamMarkers = new Set(['SESSION', 'VT', 'USER'])

/**
 * Converts between Auth.js objects and items of the default table layout, as
 * `@auth/dynamodb-adapter`'s `format` does.
 */
export const format = {
  /**
   * An Auth.js object as an item: Dates become ISO 8601 strings, except `expires`, which becomes
   * epoch seconds (milliseconds as a fraction), the unit DynamoDB TTL reads. Other values are
   * copied as they are.
   *
   * @param object - the object to store
   * @returns a new object; `object` is not changed
   */
  to(object: object): Record<string, unknown> {
    const item: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(object)) {
      if (value instanceof Date) {
        item[key] = key === 'expires' ? value.getTime() / 1000 : value.toISOString()
      } else item[key] = value
    }
    return item
  },

  /**
   * An item as an Auth.js object: the default key attributes (`pk`, `sk`, `GSI1PK`, `GSI1SK`)
   * and the `type` markers `USER`, `SESSION` and `VT` removed, ISO 8601 date-time strings turned
   * into Dates, a Number `expires` read as epoch seconds.
   *
   * @param object - an item as the document client returns it
   * @returns the object, or `null` for no item
   */
  from<T = Record<string, unknown>>(object?: object | null): T | null {
    if (!object) return null
    const result: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(object)) {
      if (upstreamKeys.has(key)) continue
      if (isIsoDateString(value)) result[key] = new Date(value)
      else if (key === 'type' && upstreamMarkers.has(value as string)) continue
      else if (key === 'expires' && typeof value === 'number')
        result[key] = fromStoredExpires(value)
      else result[key] = value
    }
    return result as T
  },
}

const placeholderSafe = /^[A-Za-z0-9_]+$/

/**
 * The `SET` UpdateExpression, names and values that write every field of `object` (converted with
 * {@link format}.to), as `@auth/dynamodb-adapter`'s `generateUpdateExpression` returns them.
 * Unlike upstream's, `undefined` fields are left out (DynamoDB would reject their placeholders)
 * and field names that cannot be a placeholder (`first-name`) get a numbered one.
 *
 * @param object - the fields to set
 * @returns the three request fields to spread into an UpdateItem request
 */
export function generateUpdateExpression(object: object): {
  UpdateExpression: string
  ExpressionAttributeNames: Record<string, string>
  ExpressionAttributeValues: Record<string, unknown>
} {
  const formatted = format.to(object)
  const assignments: string[] = []
  const ExpressionAttributeNames: Record<string, string> = {}
  const ExpressionAttributeValues: Record<string, unknown> = {}
  const used = new Set(Object.keys(formatted).filter((property) => placeholderSafe.test(property)))
  let index = 0
  const numbered = () => {
    let placeholder: string
    do placeholder = `field${index++}`
    while (used.has(placeholder))
    return placeholder
  }
  for (const [property, value] of Object.entries(formatted)) {
    if (value === undefined) continue
    const placeholder = placeholderSafe.test(property) ? property : numbered()
    assignments.push(`#${placeholder} = :${placeholder}`)
    ExpressionAttributeNames[`#${placeholder}`] = property
    ExpressionAttributeValues[`:${placeholder}`] = value
  }
  return {
    UpdateExpression: `set ${assignments.join(', ')}`,
    ExpressionAttributeNames,
    ExpressionAttributeValues,
  }
}
