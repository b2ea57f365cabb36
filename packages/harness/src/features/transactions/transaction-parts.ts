import {
  type DynaliteAction,
  type DynaliteActionName,
  type DynaliteStoreState,
  dynaliteValidations,
  loadAction,
} from '../../engine/dynalite-internals.js'
import type { EngineResponse } from '../../engine/engine-response.js'
import { requestChecks, validatedDataHooks } from '../../engine/request-checks.js'
import { failureResponse } from './store-calls.js'

/** The kinds of action a transaction holds. */
export type ActionKind = 'Put' | 'Update' | 'Delete' | 'ConditionCheck' | 'Get'

/** How one kind of action maps onto a single-item request. */
export interface ActionSpec {
  /** The single-item operation whose validation (and, for writes, action) it reuses. */
  readonly operation: DynaliteActionName
  /** The IAM action DynamoDB authorizes it as (and the operation log counts it as). */
  readonly iamAction: string
  /** Its name in validation paths (`transactItems.1.member.put.tableName`). */
  readonly memberName: string
  /** The member holding its key: the whole item for a Put. */
  readonly keyField: 'Item' | 'Key'
  /** Members that must be present, in the order they are checked. */
  readonly required: readonly string[]
  /** Members passed on to the single-item request; the rest are not part of the action. */
  readonly members: readonly string[]
}

const expressionMembers = [
  'ConditionExpression',
  'ExpressionAttributeNames',
  'ExpressionAttributeValues',
] as const

// The members of each action, from the API reference:
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItem.html
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Get.html
// A ConditionCheck is validated as the DeleteItem it resembles (key, condition, names, values).
export const actionSpecs: Readonly<Record<ActionKind, ActionSpec>> = {
  Put: {
    operation: 'PutItem',
    iamAction: 'PutItem',
    memberName: 'put',
    keyField: 'Item',
    required: ['TableName', 'Item'],
    members: ['TableName', 'Item', ...expressionMembers],
  },
  Update: {
    operation: 'UpdateItem',
    iamAction: 'UpdateItem',
    memberName: 'update',
    keyField: 'Key',
    // UpdateExpression is required by the service (DynamoDB Local 3.3.0 accepts an Update
    // without one and writes nothing): https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Update.html
    required: ['TableName', 'Key', 'UpdateExpression'],
    members: ['TableName', 'Key', 'UpdateExpression', ...expressionMembers],
  },
  Delete: {
    operation: 'DeleteItem',
    iamAction: 'DeleteItem',
    memberName: 'delete',
    keyField: 'Key',
    required: ['TableName', 'Key'],
    members: ['TableName', 'Key', ...expressionMembers],
  },
  ConditionCheck: {
    operation: 'DeleteItem',
    iamAction: 'ConditionCheckItem',
    memberName: 'conditionCheck',
    keyField: 'Key',
    required: ['TableName', 'Key', 'ConditionExpression'],
    members: ['TableName', 'Key', ...expressionMembers],
  },
  Get: {
    operation: 'GetItem',
    iamAction: 'GetItem',
    memberName: 'get',
    keyField: 'Key',
    required: ['TableName', 'Key'],
    members: ['TableName', 'Key', 'ProjectionExpression', 'ExpressionAttributeNames'],
  },
}

/** One action of a transaction, as the client sent it. */
export interface TransactionAction {
  /** Its position in `TransactItems`, from 0. */
  readonly index: number
  readonly kind: ActionKind
  /** The action's own object (`TransactItems[i].Put`...). */
  readonly member: Record<string, unknown>
}

/** One action, validated as its single-item request. */
export interface ValidatedPart extends TransactionAction {
  readonly spec: ActionSpec
  readonly tableName: string
  /** The single-item request the client's action stands for. */
  readonly request: Record<string, unknown>
  /** dynalite's validated form of {@link ValidatedPart.request} (parsed expressions included). */
  readonly data: Record<string, unknown>
  /** dynalite's action for the single-item request. */
  readonly action: DynaliteAction
}

/**
 * Validates one action exactly as its single-item request would be validated: the engine's
 * request checks, dynalite's type checks and validations, and the validated-data hooks, so every
 * rule the emulator applies to a PutItem applies to a transaction's Put.
 */
export function validatePart(
  action: TransactionAction,
  store: DynaliteStoreState,
): ValidatedPart | EngineResponse {
  const spec = actionSpecs[action.kind]
  const request: Record<string, unknown> = {}
  for (const member of spec.members) {
    if (action.member[member] !== undefined) request[member] = action.member[member]
  }
  const { action: run, validation } = loadAction(spec.operation)
  try {
    for (const check of requestChecks) {
      const refused = check(spec.operation, request)
      if (refused) return refused
    }
    // checkTypes deletes unknown keys from the object it is given: hand it a copy.
    const data = dynaliteValidations.checkTypes({ ...request }, validation.types)
    dynaliteValidations.checkValidations(data, validation.types, validation.custom, store)
    for (const hook of validatedDataHooks) {
      const refused = hook(spec.operation, request, data)
      if (refused) return refused
    }
    return {
      ...action,
      spec,
      tableName: request.TableName as string,
      request,
      data,
      action: run,
    }
  } catch (error) {
    return failureResponse(error, 'throw')
  }
}

/** Whether {@link validatePart} answered an error instead of a part. */
export function isResponse(value: ValidatedPart | EngineResponse): value is EngineResponse {
  return 'statusCode' in value
}
