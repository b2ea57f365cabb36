import { errorResponse } from './engine-response.js'
import type { RequestCheck } from './request-checks.js'

type Json = unknown
type Plain = Record<string, Json>

// DynamoDB's validation framework reports at most this many problems in one message.
const maxReported = 10

/**
 * DynamoDB's answers to `null` inside the lists and maps of a request's parameters (a `null`
 * tag, a tag without a `Value`, a `null` key schema element or index, a `null` expression
 * attribute name): dynalite keeps such nulls and later threw a TypeError on them, or wrote a
 * `null` tag value to its store and failed there. A `null` for an optional top-level member
 * is that member left out, as in DynamoDB, and dynalite already reads it so.
 *
 * Wordings are DynamoDB Local 3.3.0's where it answers 400 (it answers some of these with a
 * 500, and tagging not at all); elsewhere the validation framework's own form, e.g.
 * `1 validation error detected: Value null at 'tags.1.member.value' failed to satisfy
 * constraint: Member must not be null`.
 */
export const nullMemberCheck: RequestCheck = (operation, payload) => {
  const message = nullMemberProblem(operation, payload)
  return message === undefined ? undefined : errorResponse('ValidationException', message)
}

function nullMemberProblem(operation: string, payload: Readonly<Plain>): string | undefined {
  switch (operation) {
    case 'CreateTable':
      return (
        validationErrors([
          ...nullElements(payload.AttributeDefinitions, 'attributeDefinitions'),
          ...nullElements(payload.LocalSecondaryIndexes, 'localSecondaryIndexes'),
          ...nullElements(payload.GlobalSecondaryIndexes, 'globalSecondaryIndexes'),
          ...tagErrors(payload.Tags),
        ]) ??
        keySchemaProblem(payload.KeySchema) ??
        indexesProblem(payload.LocalSecondaryIndexes) ??
        indexesProblem(payload.GlobalSecondaryIndexes)
      )
    case 'UpdateTable': {
      const updates = payload.GlobalSecondaryIndexUpdates
      return (
        validationErrors([
          ...nullElements(payload.AttributeDefinitions, 'attributeDefinitions'),
          ...nullElements(updates, 'globalSecondaryIndexUpdates'),
        ]) ??
        (Array.isArray(updates)
          ? indexesProblem(updates.map((update) => (isPlain(update) ? update.Create : undefined)))
          : undefined)
      )
    }
    case 'TagResource':
      return validationErrors(tagErrors(payload.Tags))
    case 'UntagResource':
      return validationErrors(nullElements(payload.TagKeys, 'tagKeys'))
    case 'GetItem':
    case 'PutItem':
    case 'DeleteItem':
    case 'UpdateItem':
    case 'Query':
    case 'Scan':
      return readParametersProblem(payload)
    case 'BatchGetItem': {
      const requestItems = payload.RequestItems
      if (!isPlain(requestItems)) return undefined
      for (const request of Object.values(requestItems)) {
        const problem = isPlain(request) ? readParametersProblem(request) : undefined
        if (problem) return problem
      }
      return undefined
    }
    default:
      return undefined
  }
}

/** AttributesToGet and ExpressionAttributeNames, wherever a request reads attributes. */
function readParametersProblem(parameters: Readonly<Plain>): string | undefined {
  const attributesToGet = parameters.AttributesToGet
  if (Array.isArray(attributesToGet) && attributesToGet.includes(null)) {
    return 'Empty attribute name'
  }
  const names = parameters.ExpressionAttributeNames
  if (isPlain(names)) {
    for (const [key, value] of Object.entries(names)) {
      if (value === null)
        return `ExpressionAttributeNames contains invalid value: null for key ${key}`
    }
  }
  return undefined
}

function keySchemaProblem(keySchema: Json): string | undefined {
  return Array.isArray(keySchema) && keySchema.includes(null)
    ? 'Key schema element is invalid.'
    : undefined
}

function indexesProblem(indexes: Json): string | undefined {
  if (!Array.isArray(indexes)) return undefined
  for (const index of indexes) {
    if (!isPlain(index)) continue
    const problem = keySchemaProblem(index.KeySchema)
    if (problem) return problem
    const projection = index.Projection
    if (
      isPlain(projection) &&
      Array.isArray(projection.NonKeyAttributes) &&
      projection.NonKeyAttributes.includes(null)
    ) {
      return 'Attribute name must be specified.'
    }
  }
  return undefined
}

function tagErrors(tags: Json): string[] {
  if (!Array.isArray(tags)) return []
  const errors: string[] = []
  tags.forEach((tag, index) => {
    const path = `tags.${index + 1}.member`
    if (tag === null) errors.push(mustNotBeNull(path))
    else if (isPlain(tag)) {
      if (tag.Key === null || tag.Key === undefined) errors.push(mustNotBeNull(`${path}.key`))
      if (tag.Value === null || tag.Value === undefined) errors.push(mustNotBeNull(`${path}.value`))
    }
  })
  return errors
}

function nullElements(list: Json, field: string): string[] {
  if (!Array.isArray(list)) return []
  const errors: string[] = []
  list.forEach((element, index) => {
    if (element === null) errors.push(mustNotBeNull(`${field}.${index + 1}.member`))
  })
  return errors
}

function mustNotBeNull(path: string): string {
  return `Value null at '${path}' failed to satisfy constraint: Member must not be null`
}

function validationErrors(errors: string[]): string | undefined {
  if (errors.length === 0) return undefined
  const reported = errors.slice(0, maxReported)
  return `${reported.length} validation error${reported.length > 1 ? 's' : ''} detected: ${reported.join('; ')}`
}

function isPlain(value: Json): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
