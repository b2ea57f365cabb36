/**
 * Stable machine-readable codes of {@link DynamoDBAdapterError}. New codes may be added in minor
 * releases; existing ones never change meaning.
 *
 * - `INVALID_OPTIONS`: the adapter options failed validation.
 * - `INVALID_CLIENT`: the client is neither an AWS SDK v3 document client nor an aws-sdk v2 `DocumentClient`.
 * - `INVALID_CONFIG`: the client {@link createDocumentClient} built is missing a region or half of a
 *   credential pair, or has an endpoint that is not a URL (raised by the first request, not at
 *   construction, so a build step that evaluates the module without AWS variables succeeds).
 * - `INVALID_ARGUMENT`: an adapter method was called with input it cannot store: a missing or
 *   non-string id, email or token, an `expires` that is not a valid Date, a provider id with `#`,
 *   a key value over DynamoDB's size limits, moving a session to another user.
 * - `TABLE_NOT_FOUND`: the configured table does not exist in this account and region.
 * - `INDEX_NOT_FOUND`: the table exists but has no index with the configured name.
 * - `KEY_SCHEMA_MISMATCH`: the table's key attribute names differ from the configured ones.
 * - `USER_NOT_FOUND`: `updateUser` was given an id with no user item.
 * - `USER_EXISTS`: `createUser` was given an id that already has a user item.
 * - `EMAIL_TAKEN`: `createUser` or `updateUser` was given an email another user has (emails are unique).
 * - `ACCOUNT_TAKEN`: `linkAccount` was given a provider account that is linked to another user.
 * - `AUTHENTICATOR_NOT_FOUND`: `updateAuthenticatorCounter` was given an unknown credential id.
 * - `AUTHENTICATOR_EXISTS`: `createAuthenticator` was given a credential id that is already registered.
 * - `UNPROCESSED_ITEMS`: `deleteUser` could not delete some items within its retry bound.
 * - `DYNAMODB_ERROR`: any other error from DynamoDB or the network; see `cause`.
 */
export type DynamoDBAdapterErrorCode =
  | 'INVALID_OPTIONS'
  | 'INVALID_CLIENT'
  | 'INVALID_CONFIG'
  | 'INVALID_ARGUMENT'
  | 'TABLE_NOT_FOUND'
  | 'INDEX_NOT_FOUND'
  | 'KEY_SCHEMA_MISMATCH'
  | 'USER_NOT_FOUND'
  | 'USER_EXISTS'
  | 'EMAIL_TAKEN'
  | 'ACCOUNT_TAKEN'
  | 'AUTHENTICATOR_NOT_FOUND'
  | 'AUTHENTICATOR_EXISTS'
  | 'UNPROCESSED_ITEMS'
  | 'DYNAMODB_ERROR'

/** What a {@link DynamoDBAdapterError} is built from. */
export interface DynamoDBAdapterErrorInit {
  /** The stable code of the failure. */
  code: DynamoDBAdapterErrorCode
  /** The adapter method (or factory) that failed, e.g. `updateUser` or `DynamoDBAdapter`. */
  method: string
  /** The human-readable explanation, without the method prefix (added by the constructor). */
  message: string
  /** The DynamoDB table involved, when there is one. */
  tableName?: string | undefined
  /** The underlying error, when there is one. */
  cause?: unknown
  /** Primary keys that were not deleted (only for `UNPROCESSED_ITEMS`). */
  unprocessedKeys?: readonly Record<string, unknown>[] | undefined
}

/**
 * The one error type the adapter throws. Its `message` names the method, the table and the cause;
 * branch on `code`, which is stable across releases.
 *
 * @example
 * ```ts
 * try {
 *   await adapter.updateUser!({ id, name: 'Ada' })
 * } catch (error) {
 *   if (error instanceof DynamoDBAdapterError && error.code === 'USER_NOT_FOUND') { ... }
 * }
 * ```
 */
export class DynamoDBAdapterError extends Error {
  override readonly name = 'DynamoDBAdapterError'
  /** The stable code of the failure. */
  readonly code: DynamoDBAdapterErrorCode
  /** The adapter method (or factory) that failed. */
  readonly method: string
  /** The DynamoDB table involved, when there is one. */
  readonly tableName: string | undefined
  /** Primary keys that remain in the table (only for `UNPROCESSED_ITEMS`), so nothing is lost silently. */
  readonly unprocessedKeys: readonly Record<string, unknown>[] | undefined

  /** @param init - the code, method, message and optional table, cause and unprocessed keys. */
  constructor(init: DynamoDBAdapterErrorInit) {
    const table = init.tableName === undefined ? '' : ` (table "${init.tableName}")`
    super(`${init.method}${table}: ${init.message}`, { cause: init.cause })
    this.code = init.code
    this.method = init.method
    this.tableName = init.tableName
    this.unprocessedKeys = init.unprocessedKeys
  }
}
