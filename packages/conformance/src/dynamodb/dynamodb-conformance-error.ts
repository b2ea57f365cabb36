/**
 * Stable codes carried by every {@link DynamoDBConformanceError}.
 *
 * - `DYNAMODB_INVALID_OPTIONS`: a backend or the probes were given options they cannot use.
 * - `DYNAMODB_BACKEND_NOT_READY`: a backend's client or table was read before its `setup()` ran.
 * - `DYNAMODB_LAYOUT_MISMATCH`: a stored item is not where the single-table layout puts it.
 * - `DYNAMODB_TABLE_MISMATCH`: an existing table's keys or index differ from the names given.
 * - `DYNAMODB_PEER_MISSING`: an optional peer dependency a backend needs is not installed.
 * - `DYNAMODB_LOCAL_JAVA_MISSING`: there is no `java` on the PATH to run DynamoDB Local.
 * - `DYNAMODB_LOCAL_EXITED`: DynamoDB Local exited before it answered.
 * - `DYNAMODB_LOCAL_START_TIMEOUT`: DynamoDB Local did not answer ListTables in time.
 * - `DYNAMODB_AWS_NOT_CONFIGURED`: the AWS backend was asked for without the environment it needs.
 */
export type DynamoDBConformanceErrorCode =
  | 'DYNAMODB_INVALID_OPTIONS'
  | 'DYNAMODB_BACKEND_NOT_READY'
  | 'DYNAMODB_LAYOUT_MISMATCH'
  | 'DYNAMODB_TABLE_MISMATCH'
  | 'DYNAMODB_PEER_MISSING'
  | 'DYNAMODB_LOCAL_JAVA_MISSING'
  | 'DYNAMODB_LOCAL_EXITED'
  | 'DYNAMODB_LOCAL_START_TIMEOUT'
  | 'DYNAMODB_AWS_NOT_CONFIGURED'

/**
 * An error raised by the DynamoDB probes and backends (not by the adapter under test). The
 * message says what was wrong and how to fix it.
 */
export class DynamoDBConformanceError extends Error {
  /** A stable identifier of the cause; see {@link DynamoDBConformanceErrorCode}. */
  readonly code: DynamoDBConformanceErrorCode

  /**
   * @param code - the stable cause
   * @param message - what was wrong and how to fix it
   * @param options - the underlying error, when there is one
   */
  constructor(code: DynamoDBConformanceErrorCode, message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'DynamoDBConformanceError'
    this.code = code
  }
}
