import type { AttributeMap, AttributeValue } from './attribute-value.js'
import { type ConditionNode, evaluateCondition } from './condition-evaluator.js'
import { type DynaliteError, dynaliteDb } from './dynalite-internals.js'
import {
  compareLegacy,
  type LegacyCondition,
  matchesLegacyConditions,
} from './legacy-conditions.js'

/**
 * Replaces dynalite's condition and comparison functions with the harness's evaluator
 * (`condition-evaluator.ts`, `legacy-conditions.ts`):
 *
 * - `db.checkConditional`, which PutItem, UpdateItem and DeleteItem call: evaluates
 *   ConditionExpression or `Expected`; on failure, with `ReturnValuesOnConditionCheckFailure:
 *   'ALL_OLD'`, the ConditionalCheckFailedException carries the item as it was (`Item`), as
 *   DynamoDB Local 3.3 answers (nothing when there was no item).
 * - `db.compare`, which dynalite's parser uses to check `BETWEEN` bounds (`context.compare`),
 *   its validations for legacy `BETWEEN`, and Query for an ExclusiveStartKey: Strings by UTF-8
 *   bytes (dynalite compared UTF-16 code units, so `BETWEEN U+FF61 AND 😀` was refused).
 * - `db.matchesFilter` and `db.matchesExprFilter`, for anything else that filters.
 *
 * dynalite's own versions threw on items that lack an attribute an expression names (`i IN (j,
 * :k)` took the host process down) and compared Maps by identity.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html#DDB-PutItem-request-ReturnValuesOnConditionCheckFailure
 */
export function installConditionalCheckOverride(): void {
  dynaliteDb.checkConditional = checkConditional
  dynaliteDb.compare = (operator: string, value: AttributeValue | undefined, operands: unknown) =>
    compareLegacy(
      operator,
      value ?? undefined,
      (Array.isArray(operands) ? operands : [operands]) as AttributeValue[],
    )
  dynaliteDb.matchesFilter = (
    item: AttributeMap,
    conditions: Record<string, LegacyCondition>,
    conditionalOperator?: string,
  ) => matchesLegacyConditions(conditions, conditionalOperator, item)
  dynaliteDb.matchesExprFilter = (item: AttributeMap, expression: ConditionNode) =>
    evaluateCondition(expression, item)
}

/** What a write request carries that its condition check reads. */
export interface ConditionalWrite {
  _condition?: { expression: ConditionNode }
  Expected?: Record<string, LegacyCondition>
  ConditionalOperator?: string
  ReturnValuesOnConditionCheckFailure?: string
}

/**
 * Checks a write's condition against the item it would replace (undefined when there is none).
 *
 * @returns undefined when the condition holds (or there is none), else the
 *   ConditionalCheckFailedException dynalite's actions call back with
 */
export function checkConditional(
  data: ConditionalWrite,
  existingItem: AttributeMap | undefined,
): DynaliteError | undefined {
  const item = existingItem ?? {}
  let holds = true
  if (data._condition) holds = evaluateCondition(data._condition.expression, item)
  else if (data.Expected)
    holds = matchesLegacyConditions(data.Expected, data.ConditionalOperator, item)
  if (holds) return undefined
  const error = conditionalCheckFailed()
  if (existingItem && data.ReturnValuesOnConditionCheckFailure === 'ALL_OLD') {
    ;(error.body as Record<string, unknown>).Item = existingItem
  }
  return error
}

function conditionalCheckFailed(): DynaliteError {
  const message = 'The conditional request failed'
  const error: DynaliteError = new Error(message)
  error.statusCode = 400
  error.body = {
    __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
    message,
  }
  return error
}
