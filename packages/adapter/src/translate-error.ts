import { awsErrorName } from './aws-error.js'
import { DynamoDBAdapterError } from './errors.js'
import { InvalidInputError } from './invalid-input-error.js'
import type { TableLayout } from './table-layout.js'

/** Where the CloudFormation, Terraform and CDK templates of the table are. */
export const infraTemplatesUrl =
  'https://github.com/auth-dynamo/auth-dynamo/tree/main/examples/infra'

/** What to create, in words, so a missing table or index error is actionable on its own. */
export function describeTable(layout: TableLayout): string {
  return (
    `a table "${layout.tableName}" with partition key "${layout.pk}" (String) and sort key "${layout.sk}" (String), ` +
    `a global secondary index "${layout.indexName}" with partition key "${layout.gsiPk}" (String), sort key "${layout.gsiSk}" (String) and projection ALL, ` +
    `and TTL enabled on "expires". Use the templates in ${infraTemplatesUrl}, or ` +
    `createTableInput() from @auth-dynamo/adapter with the same options you pass to DynamoDBAdapter`
  )
}

// How DynamoDB words a key that does not match the table's key schema, for the four requests the
// adapter sends with keys (GetItem, PutItem, Query on the table, Query on the index; DeleteItem,
// UpdateItem, BatchWriteItem and TransactWriteItems word it as GetItem or PutItem do):
// - the service: "The provided key element does not match the schema", "One or more parameter
//   values were invalid: Missing the key pk in the item", "Query condition missed key schema
//   element: pk", and "The number of conditions on the keys is invalid" for a key with too few
//   attributes (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html
//   and the API reference of each action);
// - DynamoDB Local 3.x: "One of the required keys was not given a value", "The number of
//   conditions on the keys is invalid", "Query condition missed key schema element";
// - dynalite (our emulator): the service's wordings.
const keySchemaMismatch =
  /key element does not match|missing the key|missed key schema|key schema element|required keys was not given a value|number of conditions on the keys is invalid/i

// Key values over DynamoDB's size limits, which the adapter checks before writing: this is the
// fallback for a request it did not check. The service says "Size of hashkey has exceeded the
// maximum size limit of 2048 bytes" / "Aggregated size of all range keys has exceeded the size
// limit of 1024 bytes"; DynamoDB Local "Hash primary key values must be under 2048 bytes, and
// range primary key values must be under 1024 bytes" and, for index keys, "Size limit exceeded".
const keyTooLarge =
  /exceeded the (maximum )?size limit of \d+ bytes|primary key values must be under|Size limit exceeded/i

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  // A cancelled transaction says why per item; the service puts a validation failure there.
  const { CancellationReasons } = (error ?? {}) as { CancellationReasons?: { Message?: string }[] }
  const details = Array.isArray(CancellationReasons)
    ? CancellationReasons.flatMap((reason) => (reason?.Message ? [reason.Message] : []))
    : []
  return details.length > 0 ? `${message} (${details.join('; ')})` : message
}

/**
 * Turns anything a method threw into a {@link DynamoDBAdapterError} naming the method, table and
 * cause, and recognises the DynamoDB errors that mean the table does not match the options.
 */
export function translateError(
  error: unknown,
  method: string,
  layout: TableLayout,
): DynamoDBAdapterError {
  if (error instanceof DynamoDBAdapterError) return error
  const tableName = layout.tableName
  if (error instanceof InvalidInputError) {
    return new DynamoDBAdapterError({
      code: 'INVALID_ARGUMENT',
      method,
      tableName,
      message: error.message,
      cause: error,
    })
  }
  const name = awsErrorName(error)
  const message = messageOf(error)
  if (name === 'ResourceNotFoundException') {
    return new DynamoDBAdapterError({
      code: 'TABLE_NOT_FOUND',
      method,
      tableName,
      cause: error,
      message: `table "${tableName}" was not found (DynamoDB said: ${name}: ${message}). Create ${describeTable(layout)}.`,
    })
  }
  if (name === 'ValidationException' && /specified index/i.test(message)) {
    return new DynamoDBAdapterError({
      code: 'INDEX_NOT_FOUND',
      method,
      tableName,
      cause: error,
      message: `index "${layout.indexName}" was not found on table "${tableName}" (DynamoDB said: ${message}). Add a global secondary index "${layout.indexName}" with partition key "${layout.gsiPk}" (String), sort key "${layout.gsiSk}" (String) and projection ALL, or pass the index you have as options.indexName. The full schema: ${describeTable(layout)}.`,
    })
  }
  const validation = name === 'ValidationException' || name === 'TransactionCanceledException'
  if (validation && keyTooLarge.test(message)) {
    return new DynamoDBAdapterError({
      code: 'INVALID_ARGUMENT',
      method,
      tableName,
      cause: error,
      message: `a key value is over DynamoDB's size limit (2,048 bytes for a partition key, 1,024 for a sort key, index keys included); DynamoDB said: ${message}`,
    })
  }
  if (validation && keySchemaMismatch.test(message)) {
    return new DynamoDBAdapterError({
      code: 'KEY_SCHEMA_MISMATCH',
      method,
      tableName,
      cause: error,
      message: `the key attributes of table "${tableName}" or index "${layout.indexName}" differ from the configured ones (partitionKey "${layout.pk}", sortKey "${layout.sk}", indexPartitionKey "${layout.gsiPk}", indexSortKey "${layout.gsiSk}"); DynamoDB said: ${message}. Pass the table's real attribute names as options, or create ${describeTable(layout)}.`,
    })
  }
  if (message === 'Region is missing') {
    // The AWS SDK resolves the region at the first request and words its absence this way.
    return new DynamoDBAdapterError({
      code: 'INVALID_CONFIG',
      method,
      tableName,
      cause: error,
      message: `no AWS region: set AUTH_DYNAMODB_REGION (or AWS_REGION, or a region in the AWS config file), e.g. AUTH_DYNAMODB_REGION=eu-west-1, or pass { region } to createDocumentClient.`,
    })
  }
  return new DynamoDBAdapterError({
    code: 'DYNAMODB_ERROR',
    method,
    tableName,
    cause: error,
    message: name === undefined ? message : `${name}: ${message}`,
  })
}
