import { type DynamoDBDocument, paginateQuery } from '@aws-sdk/lib-dynamodb'
import type { AuthTable } from './auth-table.js'

/** A session item of the Auth.js table, as the adapter stores it. */
export interface SessionItem {
  /** The session token (the cookie's value). */
  readonly sessionToken: string
  /** Epoch seconds as the adapter writes it; older tables may hold an ISO string. */
  readonly expires: number | string
  /** The item's primary key, for deleting it. */
  readonly key: Record<string, string>
}

/**
 * Every session item of a user, expired or not: one Query over the user's partition (all of a
 * user's items share `USER#<id>`), paged.
 *
 * @param client - a document client of the table's DynamoDB
 * @param table - the table and its key names
 * @param userId - the Auth.js user id
 */
export async function userSessionItems(
  client: DynamoDBDocument,
  table: AuthTable,
  userId: string,
): Promise<SessionItem[]> {
  const pages = paginateQuery(
    { client },
    {
      TableName: table.tableName,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :session)',
      ExpressionAttributeNames: { '#pk': table.partitionKey, '#sk': table.sortKey },
      ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':session': 'SESSION#' },
      ConsistentRead: true,
    },
  )
  const sessions: SessionItem[] = []
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      sessions.push({
        sessionToken: String(item.sessionToken),
        expires: item.expires,
        key: {
          [table.partitionKey]: String(item[table.partitionKey]),
          [table.sortKey]: String(item[table.sortKey]),
        },
      })
    }
  }
  return sessions
}
