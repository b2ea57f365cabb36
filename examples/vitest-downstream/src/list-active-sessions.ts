import type { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import type { AuthTable } from './auth-table.js'
import { userSessionItems } from './user-session-items.js'

/** A session the user can see on an "active sessions" page. */
export interface ActiveSession {
  /** The session token. */
  readonly sessionToken: string
  /** When it expires. */
  readonly expires: Date
}

/**
 * The user's sessions that have not expired, soonest expiry first. Expired sessions are left out
 * even while the table still holds them: DynamoDB's TTL deletes items only within a few days of
 * their expiry.
 *
 * @param client - a document client of the table's DynamoDB
 * @param table - the table and its key names
 * @param userId - the Auth.js user id
 * @param now - the time to measure expiry against; the current time if left out
 */
export async function listActiveSessions(
  client: DynamoDBDocument,
  table: AuthTable,
  userId: string,
  now: Date = new Date(),
): Promise<ActiveSession[]> {
  const sessions = await userSessionItems(client, table, userId)
  return sessions
    .map(({ sessionToken, expires }) => ({
      sessionToken,
      // Epoch seconds with the milliseconds as a fraction: round, since the product of a
      // binary fraction and 1000 can land just below the whole millisecond.
      expires:
        typeof expires === 'number' ? new Date(Math.round(expires * 1000)) : new Date(expires),
    }))
    .filter(({ expires }) => expires.getTime() > now.getTime())
    .sort((a, b) => a.expires.getTime() - b.expires.getTime())
}
