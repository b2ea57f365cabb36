import type { AttributeMap } from './attribute-value.js'
import { ownValue } from './attribute-value.js'
import { type DynaliteError, dynaliteDb, type StoredTable } from './dynalite-internals.js'
import { indexKeyAttributes, keySizeLimits, keyValueBytes } from './key-sizes.js'

/** How the item about to be written was made: its wording of errors differs. */
export type IndexKeySource = 'item' | 'update-expression'

/**
 * Checks the secondary index keys an item holds, as DynamoDB does before writing it: an index
 * key value of the index's type must not be an empty String or Binary, and must stay within the
 * key size limits (2,048 bytes for an index partition key, 1,024 for an index sort key).
 * Type mismatches are dynalite's own check (`validateItem`, `validateUpdates`).
 *
 * Wording: the empty-value errors are DynamoDB Local 3.3's, word for word. For a size over the
 * limit Local answers only "One or more parameter values were invalid: Size limit exceeded"; the
 * service names the key, its size and the index ("... Size limit exceeded for Index Key qrCode
 * Actual Size: 5028 bytes Max Size: 2048 bytes IndexName: QRCodeIndex", quoted from service
 * answers in dynalite issue #35 and wellcomecollection/platform#2285), which is what this
 * answers: it starts with Local's words.
 *
 * @returns the ValidationException to answer, or undefined when every index key is fine
 */
export function checkIndexKeys(
  item: AttributeMap,
  table: StoredTable,
  source: IndexKeySource,
): DynaliteError | undefined {
  for (const key of indexKeyAttributes(table)) {
    const value = ownValue(item, key.attribute)?.[key.type]
    if (typeof value !== 'string') continue
    if (value === '' && (key.type === 'S' || key.type === 'B')) {
      const kind = key.type === 'S' ? 'string' : 'binary'
      return dynaliteDb.validationError(
        source === 'update-expression'
          ? `One or more parameter values are not valid. The update expression attempted to update a secondary index key to a value that is not supported. The AttributeValue for a key attribute cannot contain an empty ${kind} value.`
          : `One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty ${kind} value. IndexName: ${key.index.IndexName}, IndexKey: ${key.attribute}`,
      )
    }
    const bytes = keyValueBytes(value, key.type)
    const limit = key.isPartitionKey ? keySizeLimits.partition : keySizeLimits.sort
    if (bytes > limit) {
      return dynaliteDb.validationError(
        `One or more parameter values were invalid: Size limit exceeded for Index Key ${key.attribute} Actual Size: ${bytes} bytes Max Size: ${limit} bytes IndexName: ${key.index.IndexName}`,
      )
    }
  }
  return undefined
}
