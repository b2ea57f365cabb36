import type { DynamoDBAdapterInstance, DynamoDBAdapterMethod } from './adapter-instance.js'
import { defaultRetryPolicy } from './batch-delete.js'
import { type DynamoDBAdapterClient, toDocumentPort } from './client/to-document-port.js'
import { accountMethods } from './methods/accounts.js'
import type { AdapterContext } from './methods/adapter-context.js'
import { authenticatorMethods } from './methods/authenticators.js'
import { deleteUserMethod } from './methods/delete-user.js'
import { sessionMethods } from './methods/sessions.js'
import { userMethods } from './methods/users.js'
import { verificationTokenMethods } from './methods/verification-tokens.js'
import { type DynamoDBAdapterOptions, resolveOptions } from './options.js'
import { TableLayout } from './table-layout.js'
import { translateError } from './translate-error.js'

type AsyncMethod = (...args: never[]) => Promise<unknown>

function guarded<T extends Record<string, AsyncMethod>>(methods: T, layout: TableLayout): T {
  const wrapped: Record<string, AsyncMethod> = {}
  for (const [name, method] of Object.entries(methods)) {
    wrapped[name] = async (...args: never[]) => {
      try {
        return await method(...args)
      } catch (error) {
        throw translateError(error, name, layout)
      }
    }
  }
  return wrapped as T
}

/**
 * The Auth.js adapter for Amazon DynamoDB: all 19 adapter methods (users, accounts, sessions,
 * verification tokens and WebAuthn authenticators) in one table, in the layout
 * `@auth/dynamodb-adapter` uses, so an existing table works unchanged.
 *
 * Requests per call: one for createUser, getUser, getUserByEmail, updateUser, linkAccount,
 * getAccount, createSession, createVerificationToken and getAuthenticator; two for
 * getUserByAccount, unlinkAccount, getSessionAndUser, updateSession, deleteSession,
 * useVerificationToken, createAuthenticator, updateAuthenticatorCounter and updateUser with a new
 * email; deleteUser and listAuthenticatorsByUserId page through their queries. createUser,
 * updateUser with a new email, linkAccount and unlinkAccount write a uniqueness claim (one item
 * per email, one per provider account) in the same TransactWriteItems, whose Put, Update and
 * Delete parts IAM authorizes as PutItem, UpdateItem and DeleteItem.
 *
 * @param client - a `DynamoDBDocument` or `DynamoDBDocumentClient` from `@aws-sdk/lib-dynamodb`
 *   (any marshall options: the adapter skips `undefined` and converts Dates itself), or an aws-sdk
 *   v2 `DynamoDB.DocumentClient`. {@link createDocumentClient} builds one from the environment.
 * @param options - table, key and index names; see {@link DynamoDBAdapterOptions} for defaults.
 * @returns the adapter to pass as `adapter` in the Auth.js configuration.
 * @throws {@link DynamoDBAdapterError} with code `INVALID_OPTIONS` (naming the bad field) or
 *   `INVALID_CLIENT`, at construction. The methods throw `DynamoDBAdapterError` too, with codes
 *   such as `TABLE_NOT_FOUND`, `INDEX_NOT_FOUND`, `USER_NOT_FOUND`, `AUTHENTICATOR_EXISTS`.
 *
 * @example
 * ```ts
 * import NextAuth from 'next-auth'
 * import { DynamoDBAdapter, createDocumentClient } from '@auth-dynamo/adapter'
 *
 * export const { handlers, auth } = NextAuth({
 *   providers: [],
 *   adapter: DynamoDBAdapter(createDocumentClient()),
 * })
 * ```
 */
export function DynamoDBAdapter(
  client: DynamoDBAdapterClient,
  options?: DynamoDBAdapterOptions,
): DynamoDBAdapterInstance {
  const layout = new TableLayout(resolveOptions(options))
  const context: AdapterContext = {
    port: toDocumentPort(client, layout.tableName),
    layout,
    retry: defaultRetryPolicy,
  }
  const methods = {
    ...userMethods(context),
    ...deleteUserMethod(context),
    ...accountMethods(context),
    ...sessionMethods(context),
    ...verificationTokenMethods(context),
    ...authenticatorMethods(context),
  } satisfies Pick<DynamoDBAdapterInstance, DynamoDBAdapterMethod>
  return guarded(methods, layout)
}
