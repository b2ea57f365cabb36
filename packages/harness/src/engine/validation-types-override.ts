import { type ActionValidation, requireDynalite } from './dynalite-internals.js'

const returnValuesOnConditionCheckFailure = {
  type: 'String',
  enum: ['ALL_OLD', 'NONE'],
}

/**
 * Adds to dynalite's request type maps (`dynalite/validations/<action>.types`, which both its
 * type check and its constraint check read) what DynamoDB accepts or limits and dynalite's
 * maps lack. Its type check drops every parameter it does not list, and reports constraint
 * failures in DynamoDB's own form ("1 validation error detected: Value 'ALL_NEW' at
 * 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum
 * value set: [ALL_OLD, NONE]", word for word what DynamoDB Local 3.3 answers):
 *
 * - `ReturnValuesOnConditionCheckFailure` (ALL_OLD or NONE) on PutItem, UpdateItem, DeleteItem:
 *   dynalite dropped it, so a failed condition never returned the item.
 * - `ConsistentRead` on Scan: dynalite dropped it, so a consistent Scan of a global index was
 *   answered and consistent reads were charged as eventual ones.
 * - Scan's `TotalSegments` at most 1,000,000 and `Segment` at most 999,999 (the API's ranges).
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html
 */
export function installValidationTypesOverride(): void {
  for (const action of ['putItem', 'updateItem', 'deleteItem']) {
    const { types } = requireDynalite<ActionValidation>(`validations/${action}`)
    types.ReturnValuesOnConditionCheckFailure = returnValuesOnConditionCheckFailure
  }
  const scan = requireDynalite<ActionValidation>('validations/scan').types
  scan.ConsistentRead = 'Boolean'
  scan.TotalSegments = { ...(scan.TotalSegments as object), lessThanOrEqual: 1_000_000 }
  scan.Segment = { ...(scan.Segment as object), lessThanOrEqual: 999_999 }
}
