import { batchGetItem } from './batch-get-item-action.js'
import { batchWriteItem } from './batch-write-item-action.js'
import { installConditionalCheckOverride } from './conditional-check-override.js'
import { replaceDynaliteAction } from './dynalite-actions.js'
import { installItemWriteOverride } from './item-write-override.js'
import { installKeyValidationOverride } from './key-validation-override.js'
import { installQueryTableOverride } from './query-table-override.js'
import { installValidationTypesOverride } from './validation-types-override.js'

/**
 * The overrides that make values, limits and ordering behave as DynamoDB's (issue 9 §3), in the
 * order they must be installed; each file says what it replaces and why.
 */
export function installValueFidelityOverrides(): void {
  installValidationTypesOverride()
  installConditionalCheckOverride()
  installKeyValidationOverride()
  installItemWriteOverride()
  installQueryTableOverride()
  replaceDynaliteAction('batchGetItem', batchGetItem)
  replaceDynaliteAction('batchWriteItem', batchWriteItem)
}
