import { DeleteCommand, type DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import type { AuthTable } from './auth-table.js'
import { userSessionItems } from './user-session-items.js'

/** Options of {@link signOutEverywhere}. */
export interface SignOutEverywhereOptions {
  /**
   * A session token to keep: the one of the device asking, for "sign out of other devices".
   * @defaultValue none: every session is deleted
   */
  readonly keep?: string
}

/**
 * Signs a user out on every device: deletes all of the user's sessions (expired ones too), and
 * nothing else of the user. Auth.js has no adapter method for it; it needs only the `Query` and
 * `DeleteItem` actions of the adapter's IAM policy.
 *
 * @param client - a document client of the table's DynamoDB
 * @param table - the table and its key names
 * @param userId - the Auth.js user id
 * @param options - a session to keep
 * @returns how many sessions were deleted
 * @throws the AWS SDK's error when a query or a delete fails; sessions deleted before it stay deleted
 */
export async function signOutEverywhere(
  client: DynamoDBDocument,
  table: AuthTable,
  userId: string,
  options: SignOutEverywhereOptions = {},
): Promise<{ signedOut: number }> {
  const sessions = (await userSessionItems(client, table, userId)).filter(
    ({ sessionToken }) => sessionToken !== options.keep,
  )
  await Promise.all(
    sessions.map(({ key }) =>
      client.send(new DeleteCommand({ TableName: table.tableName, Key: key })),
    ),
  )
  return { signedOut: sessions.length }
}
