import { errorResponse } from './engine-response.js'
import type { RequestCheck } from './request-checks.js'

/**
 * DynamoDB's limit on one expression: 4 KB, counted in characters as DynamoDB Local 3.3.0 counts
 * it (4,096 ASCII characters pass, 4,097 fail; 3,074 characters of 4,098 UTF-8 bytes pass).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-expression-parameters
 */
export const maxExpressionLength = 4096

/** DynamoDB's limit on the length of a key of ExpressionAttributeNames or ExpressionAttributeValues. */
export const maxExpressionKeyLength = 255

// In the order dynalite's validation reads them. Condition-like expressions name their size in
// the message; projection and update expressions do not (DynamoDB Local 3.3.0's wordings).
const expressions = [
  ['UpdateExpression', false],
  ['ConditionExpression', true],
  ['KeyConditionExpression', true],
  ['FilterExpression', true],
  ['ProjectionExpression', false],
] as const

type Plain = Record<string, unknown>

/**
 * DynamoDB's limits on the size of expressions and of the keys of their attribute maps,
 * checked before any expression is parsed: the parser's work then stays bounded whatever a
 * request sends.
 */
export const expressionSizeCheck: RequestCheck = (operation, payload) => {
  const message =
    operation === 'BatchGetItem'
      ? batchGetProblem(payload.RequestItems)
      : expressionParametersProblem(payload)
  return message === undefined ? undefined : errorResponse('ValidationException', message)
}

function expressionParametersProblem(parameters: Readonly<Plain>): string | undefined {
  for (const [name, namesSize] of expressions) {
    const expression = parameters[name]
    if (typeof expression !== 'string') continue
    const size = expression.length
    if (size > maxExpressionLength) {
      return `Invalid ${name}: Expression size has exceeded the maximum allowed size;${namesSize ? ` expression size: ${size}` : ''}`
    }
  }
  const names = parameters.ExpressionAttributeNames
  if (isPlain(names)) {
    for (const key of Object.keys(names)) {
      if (key.length > maxExpressionKeyLength) {
        return `ExpressionAttributeNames contains invalid key: The expression attribute map contains a key that is too long; size of key: ${key.length}`
      }
    }
  }
  const values = parameters.ExpressionAttributeValues
  if (isPlain(values)) {
    for (const key of Object.keys(values)) {
      if (key.length > maxExpressionKeyLength) {
        return 'ExpressionAttributeValues contains invalid key: The expression attribute map contains a key that is too long;'
      }
    }
  }
  return undefined
}

function batchGetProblem(requestItems: unknown): string | undefined {
  if (!isPlain(requestItems)) return undefined
  for (const request of Object.values(requestItems)) {
    const problem = isPlain(request) ? expressionParametersProblem(request) : undefined
    if (problem) return problem
  }
  return undefined
}

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
