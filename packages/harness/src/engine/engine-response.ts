/** What a DynamoDB operation answered: an HTTP status and a JSON body. */
export interface EngineResponse {
  statusCode: number
  /** The JSON body; errors carry `__type` and `message` (or `Message`, as DynamoDB spells it for some). */
  body: Record<string, unknown>
  /** Cut the connection instead of answering (an injected fault: a response lost on the way). */
  disconnect?: boolean
}

/** The error type prefixes DynamoDB itself uses in `__type`. */
const errorNamespaces = {
  ConditionalCheckFailedException: 'com.amazonaws.dynamodb.v20120810',
  IdempotentParameterMismatchException: 'com.amazonaws.dynamodb.v20120810',
  InternalServerError: 'com.amazonaws.dynamodb.v20120810',
  ItemCollectionSizeLimitExceededException: 'com.amazonaws.dynamodb.v20120810',
  LimitExceededException: 'com.amazonaws.dynamodb.v20120810',
  ProvisionedThroughputExceededException: 'com.amazonaws.dynamodb.v20120810',
  RequestLimitExceeded: 'com.amazonaws.dynamodb.v20120810',
  ResourceInUseException: 'com.amazonaws.dynamodb.v20120810',
  ResourceNotFoundException: 'com.amazonaws.dynamodb.v20120810',
  TransactionCanceledException: 'com.amazonaws.dynamodb.v20120810',
  TransactionConflictException: 'com.amazonaws.dynamodb.v20120810',
  TransactionInProgressException: 'com.amazonaws.dynamodb.v20120810',
  IncompleteSignatureException: 'com.amazon.coral.service',
  InvalidSignatureException: 'com.amazon.coral.service',
  MissingAuthenticationTokenException: 'com.amazon.coral.service',
  RequestEntityTooLarge: 'com.amazon.coral.service',
  SerializationException: 'com.amazon.coral.service',
  ServiceUnavailableException: 'com.amazon.coral.service',
  ThrottlingException: 'com.amazon.coral.availability',
  UnknownOperationException: 'com.amazon.coral.service',
  UnrecognizedClientException: 'com.amazon.coral.service',
  AccessDeniedException: 'com.amazon.coral.service',
  ValidationException: 'com.amazon.coral.validate',
} as const

/** A DynamoDB error type this emulator answers with. */
export type DynamoErrorType = keyof typeof errorNamespaces

/** The status DynamoDB answers each error type with (400 unless listed). */
const errorStatus: Partial<Record<DynamoErrorType, number>> = {
  InternalServerError: 500,
  ServiceUnavailableException: 503,
  RequestEntityTooLarge: 413,
}

/** An error response shaped as DynamoDB's, so every AWS SDK parses it into a typed error. */
export function errorResponse(
  type: DynamoErrorType,
  message: string,
  extra: Record<string, unknown> = {},
  statusCode = errorStatus[type] ?? 400,
): EngineResponse {
  return { statusCode, body: { __type: `${errorNamespaces[type]}#${type}`, message, ...extra } }
}

/** A successful response. */
export function okResponse(body: Record<string, unknown>): EngineResponse {
  return { statusCode: 200, body }
}

/** The short error type of a response (`ValidationException`), or undefined on success. */
export function errorTypeOf(response: EngineResponse): string | undefined {
  if (response.statusCode < 300) return undefined
  const type = response.body.__type
  return typeof type === 'string' ? type.slice(type.lastIndexOf('#') + 1) : undefined
}
