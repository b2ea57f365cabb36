import { dynaliteDb, type StoredItem, type StoredTable } from '../../engine/dynalite-internals.js'
import { type EngineResponse, errorResponse } from '../../engine/engine-response.js'

/** What checking an action's key found. */
export type KeyCheck =
  /** The key is well formed: dynalite's internal key of the item. */
  | { readonly key: string }
  /** The action fails alone: a cancellation reason (`ValidationError`) with this message. */
  | { readonly reason: string }
  /** The whole request is refused with this response. */
  | { readonly response: EngineResponse }

// Bounds from https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-partition-sort-keys
const maxHashKeyBytes = 2048
const maxRangeKeyBytes = 1024

/**
 * Checks the key of a transaction's action against its table, as DynamoDB Local 3.3.0 does in a
 * transaction (its messages, measured): a missing or extra key attribute or an empty string
 * refuses the request; a key of the wrong type or size fails only that action, which the
 * cancellation reasons then name. In a TransactGetItems, Local cancels for a missing key
 * attribute too (`cancelMissing`).
 */
export function checkKey(
  keyItem: StoredItem,
  table: StoredTable,
  { whole, cancelMissing }: { whole: boolean; cancelMissing: boolean },
): KeyCheck {
  const schema = table.KeySchema
  if (!whole && Object.keys(keyItem).length !== schema.length) {
    const message = 'The number of conditions on the keys is invalid'
    return cancelMissing ? { reason: message } : { response: validation(message) }
  }
  for (const { AttributeName: name } of schema) {
    if (keyItem[name] === undefined || keyItem[name] === null) {
      const message = 'One of the required keys was not given a value'
      return cancelMissing ? { reason: message } : { response: validation(message) }
    }
  }
  for (const [position, { AttributeName: name }] of schema.entries()) {
    const type = attributeType(table, name)
    const value = keyItem[name] as Record<string, unknown>
    const actual = value[type ?? '']
    if (type === undefined || typeof actual !== 'string' || Object.keys(value).length !== 1) {
      return { reason: 'One or more parameter values were invalid: Type mismatch for key' }
    }
    if (actual === '' && type !== 'N') {
      return {
        response: validation(
          `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${type === 'S' ? 'string' : 'binary'} value. Key: ${name}`,
        ),
      }
    }
    const bytes = type === 'B' ? Buffer.from(actual, 'base64').length : Buffer.byteLength(actual)
    if (type !== 'N' && bytes > (position === 0 ? maxHashKeyBytes : maxRangeKeyBytes)) {
      return {
        reason:
          'Hash primary key values must be under 2048 bytes, and range primary key values must be under 1024 bytes',
      }
    }
  }
  return { key: dynaliteDb.createKey(keyItem, table) }
}

/** The attribute type a table defines for `name`. */
export function attributeType(table: StoredTable, name: string): 'S' | 'N' | 'B' | undefined {
  return table.AttributeDefinitions.find((definition) => definition.AttributeName === name)
    ?.AttributeType
}

/** The error for two actions on one item. */
export function sameItemTwice(): EngineResponse {
  return validation('Transaction request cannot include multiple operations on one item')
}

function validation(message: string): EngineResponse {
  return errorResponse('ValidationException', message)
}
