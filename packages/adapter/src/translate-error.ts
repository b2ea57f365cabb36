import { awsErrorName } from './aws-error.js'
import { DynamoDBAdapterError } from './errors.js'
import { InvalidInputError } from './invalid-input-error.js'
import type { TableLayout } from './table-layout.js'

/** What to create, in words, so a missing table or index error is actionable on its own. */
export function describeTable(layout: TableLayout): string {
  return (
    `a table "${layout.tableName}" with partition key "${layout.pk}" (String) and sort key "${layout.sk}" (String), ` +
    `a global secondary index "${layout.indexName}" with partition key "${layout.gsiPk}" (String), sort key "${layout.gsiSk}" (String) and projection ALL, ` +
    `and TTL enabled on "expires". Use the templates in examples/infra of the auth-dynamo repository, or ` +
    `createTableInput() from @auth-dynamo/adapter with the same options you pass to DynamoDBAdapter`
  )
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
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
  if (
    name === 'ValidationException' &&
    /key element does not match|missing the key|missed key schema|key schema element/i.test(message)
  ) {
    return new DynamoDBAdapterError({
      code: 'KEY_SCHEMA_MISMATCH',
      method,
      tableName,
      cause: error,
      message: `the key attributes of table "${tableName}" or index "${layout.indexName}" differ from the configured ones (partitionKey "${layout.pk}", sortKey "${layout.sk}", indexPartitionKey "${layout.gsiPk}", indexSortKey "${layout.gsiSk}"); DynamoDB said: ${message}. Pass the table's real attribute names as options, or create ${describeTable(layout)}.`,
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
