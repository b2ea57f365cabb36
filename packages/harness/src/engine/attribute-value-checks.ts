import { errorResponse } from './engine-response.js'
import type { RequestCheck } from './request-checks.js'

/**
 * How deep attribute values may nest: a top-level attribute holds at most 31 levels of lists
 * and maps below it (DynamoDB Local 3.3.0 accepts 31 and refuses 32, as the documented limit
 * of 32 levels counts the item itself).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-attributes
 */
export const maxAttributeNesting = 31

const nullValue = 'The supplied Item contains a null AttributeValue'
const nestingTooDeep =
  'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit'
// DynamoDB's own wording (measured on DynamoDB Local 3.3.0).
const nullInSet: Record<string, string> = {
  SS: 'One or more parameter values were invalid: An string set may not have a null string as a member',
  NS: 'A value provided cannot be converted into a number',
  // DynamoDB Local answers a 500 here; this follows the wording of the string set's message.
  BS: 'One or more parameter values were invalid: A binary set may not have a null binary as a member',
}

type Json = unknown
type Plain = Record<string, Json>

/**
 * DynamoDB's answers to `null` where an attribute value belongs (an item's attribute, a key,
 * a list element, a map value, a set member, an expression value, a condition's argument) and
 * to attribute values nested past the limit. dynalite reads such values as objects and threw
 * a TypeError (or overflowed its stack on thousands of levels) instead.
 *
 * Only what the request's own JSON shows is checked: a member of the wrong type is left to
 * dynalite's type checks, which answer DynamoDB's SerializationException.
 */
export const attributeValueCheck: RequestCheck = (operation, payload) => {
  const message = attributeValueProblem(operation, payload)
  return message === undefined ? undefined : errorResponse('ValidationException', message)
}

function attributeValueProblem(operation: string, payload: Readonly<Plain>): string | undefined {
  switch (operation) {
    case 'PutItem':
      return (
        itemProblem(payload.Item) ??
        expectedProblem(payload.Expected) ??
        expressionValuesProblem(payload.ExpressionAttributeValues)
      )
    case 'GetItem':
      return itemProblem(payload.Key)
    case 'DeleteItem':
      return (
        itemProblem(payload.Key) ??
        expectedProblem(payload.Expected) ??
        expressionValuesProblem(payload.ExpressionAttributeValues)
      )
    case 'UpdateItem':
      return (
        itemProblem(payload.Key) ??
        attributeUpdatesProblem(payload.AttributeUpdates) ??
        expectedProblem(payload.Expected) ??
        expressionValuesProblem(payload.ExpressionAttributeValues)
      )
    case 'Query':
      return (
        conditionsProblem(payload.KeyConditions) ??
        conditionsProblem(payload.QueryFilter) ??
        itemProblem(payload.ExclusiveStartKey) ??
        expressionValuesProblem(payload.ExpressionAttributeValues)
      )
    case 'Scan':
      return (
        conditionsProblem(payload.ScanFilter) ??
        itemProblem(payload.ExclusiveStartKey) ??
        expressionValuesProblem(payload.ExpressionAttributeValues)
      )
    case 'BatchGetItem':
      return batchGetProblem(payload.RequestItems)
    case 'BatchWriteItem':
      return batchWriteProblem(payload.RequestItems)
    default:
      return undefined
  }
}

/** An item or key: a map of attribute names to values. */
function itemProblem(item: Json): string | undefined {
  if (!isPlain(item)) return undefined
  for (const [name, value] of Object.entries(item)) {
    if (value === null) return `${nullValue}: ${name} is null`
    const problem = valueProblem(value, 0)
    if (problem) return problem
  }
  return undefined
}

/** One attribute value, `depth` lists and maps below its attribute. */
function valueProblem(value: Json, depth: number): string | undefined {
  if (value === null) return nullValue
  if (!isPlain(value)) return undefined
  for (const type of ['SS', 'NS', 'BS'] as const) {
    const members = value[type]
    if (Array.isArray(members) && members.includes(null)) return nullInSet[type]
  }
  const list = value.L
  const map = value.M
  if ((Array.isArray(list) || isPlain(map)) && depth >= maxAttributeNesting) return nestingTooDeep
  if (Array.isArray(list)) {
    for (const element of list) {
      const problem = valueProblem(element, depth + 1)
      if (problem) return problem
    }
  }
  if (isPlain(map)) {
    for (const [name, element] of Object.entries(map)) {
      if (element === null) return `${nullValue}: ${name} is null`
      const problem = valueProblem(element, depth + 1)
      if (problem) return problem
    }
  }
  return undefined
}

function expressionValuesProblem(values: Json): string | undefined {
  if (!isPlain(values)) return undefined
  for (const [key, value] of Object.entries(values)) {
    // An expression value may hold one level more than an item's attribute (DynamoDB Local
    // 3.3.0 accepts 32 levels there, and refuses the item an update would make of it).
    const problem = valueProblem(value, -1)
    if (problem)
      return `ExpressionAttributeValues contains invalid value: ${problem} for key ${key}`
  }
  return undefined
}

function valueListProblem(list: Json): string | undefined {
  if (!Array.isArray(list)) return undefined
  for (const value of list) {
    const problem = valueProblem(value, 0)
    if (problem) return problem
  }
  return undefined
}

/** KeyConditions, QueryFilter, ScanFilter: attribute names to conditions. */
function conditionsProblem(conditions: Json): string | undefined {
  if (!isPlain(conditions)) return undefined
  for (const [name, condition] of Object.entries(conditions)) {
    if (condition === null) return `The filter condition for an attribute cannot be null: ${name}`
    if (isPlain(condition)) {
      const problem = valueListProblem(condition.AttributeValueList)
      if (problem) return problem
    }
  }
  return undefined
}

function expectedProblem(expected: Json): string | undefined {
  if (!isPlain(expected)) return undefined
  for (const [name, condition] of Object.entries(expected)) {
    if (condition === null) {
      return `One or more parameter values were invalid: ExpectedAttributeValue must not be null for Attribute: ${name}`
    }
    if (!isPlain(condition)) continue
    // A null Value is an absent Value, which dynalite answers as DynamoDB does.
    if (condition.Value !== null) {
      const problem = valueProblem(condition.Value, 0)
      if (problem) return problem
    }
    const problem = valueListProblem(condition.AttributeValueList)
    if (problem) return problem
  }
  return undefined
}

function attributeUpdatesProblem(updates: Json): string | undefined {
  if (!isPlain(updates)) return undefined
  for (const [name, update] of Object.entries(updates)) {
    if (update === null) {
      // DynamoDB Local answers a 500 here; this follows the wording of the Expected map's message.
      return `One or more parameter values were invalid: AttributeValueUpdate must not be null for Attribute: ${name}`
    }
    if (isPlain(update) && update.Value !== null) {
      const problem = valueProblem(update.Value, 0)
      if (problem) return problem
    }
  }
  return undefined
}

function batchGetProblem(requestItems: Json): string | undefined {
  if (!isPlain(requestItems)) return undefined
  for (const [table, request] of Object.entries(requestItems)) {
    if (request === null) {
      return `The list of keys in RequestItems for BatchGetItem is required: ${table} has empty list`
    }
    if (!isPlain(request) || !Array.isArray(request.Keys)) continue
    if (request.Keys.includes(null)) {
      return `The list of keys in RequestItems for BatchGetItem may not contain null or empty values: ${table} has one or more empty keys`
    }
    for (const key of request.Keys) {
      const problem = itemProblem(key)
      if (problem) return problem
    }
  }
  return undefined
}

function batchWriteProblem(requestItems: Json): string | undefined {
  if (!isPlain(requestItems)) return undefined
  for (const [table, requests] of Object.entries(requestItems)) {
    if (requests === null) {
      return `The batch write request list for a table cannot be null or empty: ${table}`
    }
    if (!Array.isArray(requests)) continue
    if (requests.includes(null)) {
      return 'The batch write request list for a table cannot be null or empty'
    }
    for (const request of requests) {
      if (!isPlain(request)) continue
      const put = request.PutRequest
      const remove = request.DeleteRequest
      const problem =
        (isPlain(put) ? itemProblem(put.Item) : undefined) ??
        (isPlain(remove) ? itemProblem(remove.Key) : undefined)
      if (problem) return problem
    }
  }
  return undefined
}

function isPlain(value: Json): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
