import { nestingLimits, type ShapeProblem, shapeProblem } from './attribute-shape.js'
import { type EngineResponse, errorResponse } from './engine-response.js'

const emptyName = 'Empty attribute name'
const tooDeep =
  'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit'

type Data = Readonly<Record<string, unknown>>

/**
 * Refuses attribute names that are empty and values nested too deeply, wherever a request holds
 * them, with DynamoDB Local 3.3's words: "Empty attribute name" for an item's, a key's, a
 * filter's or a condition's attribute (a Map member's too), "ExpressionAttributeValues contains
 * invalid value: ... for key :v", and "Nesting Levels have exceeded supported limits: ..."
 * (limits in `attribute-shape.ts`). dynalite stored such items.
 *
 * Runs on dynalite's validated data (a validated-data hook).
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-attributes
 */
export function checkAttributeShapes(
  operation: string,
  _payload: Data,
  data: Record<string, unknown>,
): EngineResponse | undefined {
  const message = firstProblem(operation, data)
  return message === undefined ? undefined : errorResponse('ValidationException', message)
}

function firstProblem(operation: string, data: Data): string | undefined {
  switch (operation) {
    case 'PutItem':
      return attributes(data.Item, nestingLimits.attribute) ?? conditionsAndExpressions(data)
    case 'GetItem':
      return attributes(data.Key, nestingLimits.attribute) ?? names(data.AttributesToGet)
    case 'DeleteItem':
      return attributes(data.Key, nestingLimits.attribute) ?? conditionsAndExpressions(data)
    case 'UpdateItem':
      return (
        attributes(data.Key, nestingLimits.attribute) ??
        attributeUpdates(data.AttributeUpdates) ??
        conditionsAndExpressions(data)
      )
    case 'Query':
    case 'Scan':
      return (
        legacyConditions(data.KeyConditions) ??
        legacyConditions(data.QueryFilter ?? data.ScanFilter) ??
        attributes(data.ExclusiveStartKey, nestingLimits.attribute) ??
        names(data.AttributesToGet) ??
        expressionValues(data.ExpressionAttributeValues)
      )
    case 'BatchGetItem':
      return batchGet(data.RequestItems)
    case 'BatchWriteItem':
      return batchWrite(data.RequestItems)
    default:
      return undefined
  }
}

function conditionsAndExpressions(data: Data): string | undefined {
  return legacyConditions(data.Expected) ?? expressionValues(data.ExpressionAttributeValues)
}

function describe(problem: ShapeProblem | undefined): string | undefined {
  if (problem === 'empty-name') return emptyName
  if (problem === 'nesting') return tooDeep
  return undefined
}

/** An item or key: names must not be empty, values at most 31 containers deep. */
function attributes(map: unknown, maxContainers: number): string | undefined {
  if (!isRecord(map)) return undefined
  for (const name of Object.keys(map)) {
    if (name === '') return emptyName
    const problem = describe(shapeProblem(map[name], maxContainers))
    if (problem) return problem
  }
  return undefined
}

function names(list: unknown): string | undefined {
  return Array.isArray(list) && list.includes('') ? emptyName : undefined
}

function legacyConditions(conditions: unknown): string | undefined {
  if (!isRecord(conditions)) return undefined
  for (const name of Object.keys(conditions)) {
    if (name === '') return emptyName
    const condition = conditions[name]
    if (!isRecord(condition)) continue
    const values = [
      ...(Array.isArray(condition.AttributeValueList) ? condition.AttributeValueList : []),
      ...(condition.Value === undefined ? [] : [condition.Value]),
    ]
    for (const value of values) {
      const problem = describe(shapeProblem(value, nestingLimits.requestValue))
      if (problem) return problem
    }
  }
  return undefined
}

function attributeUpdates(updates: unknown): string | undefined {
  if (!isRecord(updates)) return undefined
  for (const name of Object.keys(updates)) {
    if (name === '') return emptyName
    const update = updates[name]
    const problem = isRecord(update)
      ? describe(shapeProblem(update.Value, nestingLimits.requestValue))
      : undefined
    if (problem) return problem
  }
  return undefined
}

function expressionValues(values: unknown): string | undefined {
  if (!isRecord(values)) return undefined
  for (const key of Object.keys(values)) {
    const problem = describe(shapeProblem(values[key], nestingLimits.requestValue))
    if (problem)
      return `ExpressionAttributeValues contains invalid value: ${problem} for key ${key}`
  }
  return undefined
}

/**
 * Refuses an ExpressionAttributeNames entry that names the empty attribute ("ExpressionAttributeNames
 * contains invalid value: Empty attribute name for key #a", DynamoDB Local 3.3's words). A
 * request check: dynalite's expression parser takes an empty name for an undefined one and
 * answers with that error first.
 */
export function checkExpressionAttributeNames(
  operation: string,
  payload: Data,
): EngineResponse | undefined {
  const holders =
    operation === 'BatchGetItem' && isRecord(payload.RequestItems)
      ? Object.values(payload.RequestItems)
      : [payload]
  for (const holder of holders) {
    const message = isRecord(holder) ? expressionNames(holder.ExpressionAttributeNames) : undefined
    if (message) return errorResponse('ValidationException', message)
  }
  return undefined
}

function expressionNames(namesByKey: unknown): string | undefined {
  if (!isRecord(namesByKey)) return undefined
  for (const key of Object.keys(namesByKey)) {
    if (namesByKey[key] === '') {
      return `ExpressionAttributeNames contains invalid value: ${emptyName} for key ${key}`
    }
  }
  return undefined
}

function batchGet(requestItems: unknown): string | undefined {
  if (!isRecord(requestItems)) return undefined
  for (const request of Object.values(requestItems)) {
    if (!isRecord(request)) continue
    for (const key of Array.isArray(request.Keys) ? request.Keys : []) {
      const problem = attributes(key, nestingLimits.attribute)
      if (problem) return problem
    }
    const problem = names(request.AttributesToGet)
    if (problem) return problem
  }
  return undefined
}

function batchWrite(requestItems: unknown): string | undefined {
  if (!isRecord(requestItems)) return undefined
  for (const requests of Object.values(requestItems)) {
    for (const request of Array.isArray(requests) ? requests : []) {
      if (!isRecord(request)) continue
      const put = request.PutRequest
      const remove = request.DeleteRequest
      const problem =
        (isRecord(put) ? attributes(put.Item, nestingLimits.attribute) : undefined) ??
        (isRecord(remove) ? attributes(remove.Key, nestingLimits.attribute) : undefined)
      if (problem) return problem
    }
  }
  return undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
