import type { StoredItem } from '../../engine/dynalite-internals.js'
import type { EngineResponse } from '../../engine/engine-response.js'

/**
 * Why one action of a cancelled transaction failed, or `None` when it did not.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CancellationReason.html
 */
export interface CancellationReason {
  Code: 'None' | 'ConditionalCheckFailed' | 'ValidationError'
  Message?: string
  /** The item as it was, for a failed condition with `ReturnValuesOnConditionCheckFailure: ALL_OLD`. */
  Item?: StoredItem
}

/** The reason of an action that did not fail. */
export const noReason: CancellationReason = { Code: 'None' }

/**
 * A failed condition's reason. DynamoDB Local words it "The conditional request failed." for a
 * ConditionCheck and without the full stop for a Put, Update or Delete; so does this.
 */
export function conditionFailed(
  isConditionCheck: boolean,
  item: StoredItem | undefined,
): CancellationReason {
  return {
    Code: 'ConditionalCheckFailed',
    Message: `The conditional request failed${isConditionCheck ? '.' : ''}`,
    ...(item ? { Item: item } : {}),
  }
}

/** An action's validation failure, found while running it (a type mismatch, a size...). */
export function validationFailed(message: string): CancellationReason {
  return { Code: 'ValidationError', Message: message }
}

/** Whether any action failed. */
export function anyFailed(reasons: readonly CancellationReason[]): boolean {
  return reasons.some((reason) => reason.Code !== 'None')
}

/**
 * The TransactionCanceledException listing every action's reason in request order, as
 * DynamoDB (and DynamoDB Local) words it.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html#API_TransactWriteItems_Errors
 */
export function transactionCanceled(reasons: readonly CancellationReason[]): EngineResponse {
  return {
    statusCode: 400,
    body: {
      __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
      Message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((reason) => reason.Code).join(', ')}]`,
      CancellationReasons: reasons,
    },
  }
}
