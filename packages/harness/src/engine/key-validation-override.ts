import type { AttributeMap } from './attribute-value.js'
import { ownValue, typeOf } from './attribute-value.js'
import { type DynaliteError, dynaliteDb, type StoredTable } from './dynalite-internals.js'
import { checkIndexKeys } from './index-key-checks.js'
import { indexKeyAttributes, keySizeLimits, keyValueBytes } from './key-sizes.js'

type KeySchema = StoredTable['KeySchema']

/**
 * Replaces dynalite's key validation (`db.validateKey`, `db.validateKeyPiece`,
 * `db.validateItem`, which every item action calls through the module object), with two
 * changes, wording kept:
 *
 * - Key sizes count UTF-8 bytes, as DynamoDB does; dynalite counted UTF-16 code units, so a
 *   partition key of 1,025 `é` (2,050 bytes) or a sort key of 257 emoji (1,028 bytes) was
 *   accepted. The messages are the service's, as dynalite has them ("Size of hashkey has
 *   exceeded the maximum size limit of2048 bytes", confirmed against the service in
 *   ExtendDB/extenddb#194); DynamoDB Local 3.3 words these as "Hash primary key values must be
 *   under 2048 bytes, and range primary key values must be under 1024 bytes".
 * - An item's secondary index keys are checked too, before anything is written: an empty String
 *   or Binary, or a value over the size limits, is refused (see `index-key-checks.ts`). dynalite
 *   checked only their types, so a 1,100-character email signed up on the emulator and failed on
 *   AWS.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-partition-sort-keys
 */
export function installKeyValidationOverride(): void {
  dynaliteDb.validateKeyPiece = validateKeyPiece
  dynaliteDb.validateKey = validateKey
  dynaliteDb.validateItem = validateItem
}

/** Checks one attribute of a key against the key schema. */
export function validateKeyPiece(
  key: AttributeMap,
  attribute: string,
  type: string,
  isPartitionKey: boolean,
): DynaliteError | undefined {
  const value = ownValue(key, attribute)?.[type]
  if (value === undefined || value === null) {
    return dynaliteDb.validationError('The provided key element does not match the schema')
  }
  if (value === '' && (type === 'S' || type === 'B')) {
    return dynaliteDb.validationError(
      `One or more parameter values were invalid: The AttributeValue for a key attribute cannot contain an empty ${type === 'S' ? 'string' : 'binary'} value. Key: ${attribute}`,
    )
  }
  return keySizeError(value, type, isPartitionKey)
}

/** Checks a key (GetItem's `Key`, say) against a key schema, the table's by default. */
export function validateKey(
  key: AttributeMap,
  table: StoredTable,
  keySchema: KeySchema = table.KeySchema,
): DynaliteError | undefined {
  if (keySchema.length !== Object.keys(key).length) {
    return dynaliteDb.validationError('The provided key element does not match the schema')
  }
  for (const [position, element] of keySchema.entries()) {
    const invalid = validateKeyPiece(
      key,
      element.AttributeName,
      attributeType(table, element.AttributeName),
      position === 0,
    )
    if (invalid) return invalid
  }
  return undefined
}

/** Checks an item about to be put: its primary key, then its secondary index keys. */
export function validateItem(item: AttributeMap, table: StoredTable): DynaliteError | undefined {
  for (const [position, element] of table.KeySchema.entries()) {
    const name = element.AttributeName
    const type = attributeType(table, name)
    const attribute = ownValue(item, name)
    if (attribute === undefined) {
      return dynaliteDb.validationError(
        `One or more parameter values were invalid: Missing the key ${name} in the item`,
      )
    }
    const value = attribute[type]
    if (value === undefined || value === null) {
      return dynaliteDb.validationError(
        `One or more parameter values were invalid: Type mismatch for key ${name} expected: ${type} actual: ${typeOf(attribute)}`,
      )
    }
    if (value === '' && (type === 'S' || type === 'B')) {
      return dynaliteDb.validationError(
        `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${type === 'S' ? 'string' : 'binary'} value. Key: ${name}`,
      )
    }
    const tooBig = keySizeError(value, type, position === 0)
    if (tooBig) return tooBig
  }
  for (const key of indexKeyAttributes(table)) {
    const attribute = ownValue(item, key.attribute)
    if (attribute !== undefined && attribute[key.type] === undefined) {
      return dynaliteDb.validationError(
        `One or more parameter values were invalid: Type mismatch for Index Key ${key.attribute} Expected: ${key.type} Actual: ${typeOf(attribute)} IndexName: ${key.index.IndexName}`,
      )
    }
  }
  return checkIndexKeys(item, table, 'item')
}

function keySizeError(
  value: unknown,
  type: string,
  isPartitionKey: boolean,
): DynaliteError | undefined {
  const bytes = keyValueBytes(value, type)
  if (isPartitionKey && bytes > keySizeLimits.partition) {
    return dynaliteDb.validationError(
      'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes',
    )
  }
  if (!isPartitionKey && bytes > keySizeLimits.sort) {
    return dynaliteDb.validationError(
      'One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes',
    )
  }
  return undefined
}

function attributeType(table: StoredTable, name: string): string {
  return (
    table.AttributeDefinitions.find((definition) => definition.AttributeName === name)
      ?.AttributeType ?? 'S'
  )
}
