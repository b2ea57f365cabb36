import type { DynamoResponse } from '../dynalite/dynalite-store.js'

/** The error type prefixes DynamoDB itself uses in `__type`. */
const errorNamespaces = {
  ResourceNotFoundException: 'com.amazonaws.dynamodb.v20120810',
  ResourceInUseException: 'com.amazonaws.dynamodb.v20120810',
  InternalServerError: 'com.amazonaws.dynamodb.v20120810',
  ValidationException: 'com.amazon.coral.validate',
  SerializationException: 'com.amazon.coral.service',
  UnknownOperationException: 'com.amazon.coral.service',
  RequestEntityTooLarge: 'com.amazon.coral.service',
  ServiceUnavailableException: 'com.amazon.coral.service',
} as const

/** A DynamoDB error type this emulator answers with. */
export type DynamoErrorType = keyof typeof errorNamespaces

/** Builds an error response shaped as DynamoDB's, so every AWS SDK parses it into a typed error. */
export function dynamoError(
  type: DynamoErrorType,
  message: string,
  statusCode = type === 'InternalServerError' ? 500 : 400,
): DynamoResponse {
  return dynamoJson({ __type: `${errorNamespaces[type]}#${type}`, message }, statusCode)
}

/** A DynamoDB JSON response. */
export function dynamoJson(payload: unknown, statusCode = 200): DynamoResponse {
  return {
    statusCode,
    headers: { 'content-type': 'application/x-amz-json-1.0' },
    body: Buffer.from(JSON.stringify(payload)),
  }
}
