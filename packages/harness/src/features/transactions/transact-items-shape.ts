import { type EngineResponse, errorResponse } from '../../engine/engine-response.js'
import { type ActionKind, actionSpecs, type TransactionAction } from './transaction-parts.js'

/** Most actions one transaction may hold. */
export const maxTransactionActions = 100

const writeKinds: readonly ActionKind[] = ['ConditionCheck', 'Put', 'Delete', 'Update']
const tableNamePattern = /^[a-zA-Z0-9_.-]{3,255}$/
const returnConsumedCapacityValues = ['INDEXES', 'TOTAL', 'NONE']
const returnItemCollectionMetricsValues = ['SIZE', 'NONE']
const returnValuesOnConditionCheckFailureValues = ['ALL_OLD', 'NONE']

// The messages below are DynamoDB Local 3.3.0's, measured, including its spellings; where the
// service's documented constraints are stricter than Local's, the service's are checked (and
// said so where they are).

/**
 * The actions of a TransactWriteItems request, or the error its shape earns: the list's
 * length, exactly one of Put, Update, Delete and ConditionCheck per entry, the members each
 * needs, table names, and the enumerated options.
 */
export function transactWriteActions(
  payload: Readonly<Record<string, unknown>>,
): TransactionAction[] | EngineResponse {
  const items = payload.TransactItems
  if (items === undefined || items === null) return nullAt('transactItems')
  const list = listOf(items)
  if (!Array.isArray(list)) return list
  if (list.length === 0) {
    return validation(
      "Value [] at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
    )
  }
  if (list.length > maxTransactionActions) {
    return validation(`Member must have length less than or equal to ${maxTransactionActions}`)
  }
  const options = checkOptions(payload)
  if (options) return options

  const actions: TransactionAction[] = []
  for (const [index, entry] of list.entries()) {
    const present = writeKinds.filter((kind) => entry[kind] !== undefined && entry[kind] !== null)
    if (present.length > 1) {
      return validation('TransactItems can only contain one of Check, Put, Update or Delete')
    }
    const kind = present[0]
    if (kind === undefined) {
      return validation(
        'Invalid Request: TransactWriteRequest should contain Delete or Put or Update request',
      )
    }
    const member = entry[kind]
    if (!isStruct(member)) return serialization(member)
    actions.push({ index, kind, member })
  }
  for (const action of actions) {
    const problem = checkMembers(action, 'Invalid table/index name')
    if (problem) return problem
  }
  return actions
}

/**
 * The actions of a TransactGetItems request, or the error its shape earns. DynamoDB Local
 * answers an empty list, and an entry without `Get`, as a missing list; so does this.
 */
export function transactGetActions(
  payload: Readonly<Record<string, unknown>>,
): TransactionAction[] | EngineResponse {
  const items = payload.TransactItems
  if (items === undefined || items === null) return nullAt('transactItems')
  const list = listOf(items)
  if (!Array.isArray(list)) return list
  if (list.length === 0) return nullAt('transactItems')
  if (list.length > maxTransactionActions) {
    return validation(`Member must have length less than or equal to ${maxTransactionActions}`)
  }
  const options = checkOptions(payload)
  if (options) return options
  const actions: TransactionAction[] = []
  for (const [index, entry] of list.entries()) {
    if (entry.Get === undefined || entry.Get === null) return nullAt('transactItems')
    const member = entry.Get
    if (!isStruct(member)) return serialization(member)
    actions.push({ index, kind: 'Get', member })
  }
  for (const action of actions) {
    const problem = checkMembers(action, 'missing table')
    if (problem) return problem
  }
  return actions
}

function checkOptions(payload: Readonly<Record<string, unknown>>): EngineResponse | undefined {
  const token = payload.ClientRequestToken
  if (token !== undefined && token !== null) {
    if (typeof token !== 'string') return serialization(token)
    // DynamoDB Local accepts an empty token; the service's constraint is 1 to 36 characters:
    // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html#DDB-TransactWriteItems-request-ClientRequestToken
    if (token.length > 36 || token.length < 1) {
      return validation(
        `Value ${token} at 'clientRequestToken' failed to satisfy constraint: Member must have length ${token.length > 36 ? 'less than or equal to 36' : 'greater than or equal to 1'}`,
      )
    }
  }
  // Local ignores values outside these enumerations; the service rejects them.
  return (
    enumProblem(
      payload.ReturnConsumedCapacity,
      'returnConsumedCapacity',
      returnConsumedCapacityValues,
    ) ??
    enumProblem(
      payload.ReturnItemCollectionMetrics,
      'returnItemCollectionMetrics',
      returnItemCollectionMetricsValues,
    )
  )
}

function checkMembers(
  action: TransactionAction,
  invalidTableName: 'Invalid table/index name' | 'missing table',
): EngineResponse | undefined {
  const spec = actionSpecs[action.kind]
  const path = `transactItems.${action.index + 1}.member.${spec.memberName}`
  for (const required of spec.required) {
    const value = action.member[required]
    if (value === undefined || value === null) return nullAt(`${path}.${lowerFirst(required)}`)
  }
  const tableName = action.member.TableName
  if (typeof tableName !== 'string') return serialization(tableName)
  if (!tableNamePattern.test(tableName)) {
    return invalidTableName === 'missing table'
      ? missingTable()
      : validation(
          "Invalid table/index name.  Table/index names must be between 3 and 255 characters long, and may contain only the characters a-z, A-Z, 0-9, '_', '-', and '.'",
        )
  }
  if (action.kind === 'Get') return undefined
  return enumProblem(
    action.member.ReturnValuesOnConditionCheckFailure,
    `${path}.returnValuesOnConditionCheckFailure`,
    returnValuesOnConditionCheckFailureValues,
  )
}

/** DynamoDB Local's answer for a transaction on a table that does not exist. */
export function missingTable(): EngineResponse {
  return errorResponse('ResourceNotFoundException', 'Cannot do operations on a non-existent table')
}

function enumProblem(value: unknown, field: string, values: string[]): EngineResponse | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') return serialization(value)
  if (values.includes(value)) return undefined
  return validation(
    `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: Member must satisfy enum value set: [${values.join(', ')}]`,
  )
}

function listOf(value: unknown): Array<Record<string, unknown>> | EngineResponse {
  if (!Array.isArray(value)) return serialization(value)
  if (!value.every(isStruct)) {
    return errorResponse('SerializationException', 'Unexpected value type in payload')
  }
  return value
}

function isStruct(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A type error, worded as dynalite's type checks word it. */
function serialization(value: unknown): EngineResponse {
  const message =
    typeof value === 'object' && value !== null
      ? Array.isArray(value)
        ? 'Unrecognized collection type'
        : 'Start of structure or map found where not expected'
      : 'Unexpected field type'
  return errorResponse('SerializationException', message)
}

function nullAt(field: string): EngineResponse {
  return validation(
    `Value null at '${field}' failed to satisfy constraint: Member must not be null`,
  )
}

function validation(message: string): EngineResponse {
  return errorResponse('ValidationException', message)
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1)
}
