/**
 * Where this app's Auth.js data lives: the table and its key names, the same values the app
 * passes to `DynamoDBAdapter(client, options)`.
 */
export interface AuthTable {
  /** The table name. */
  readonly tableName: string
  /** The partition key attribute; a user's items share `USER#<id>` in it. */
  readonly partitionKey: string
  /** The sort key attribute; a session's is `SESSION#<sessionToken>`. */
  readonly sortKey: string
}
