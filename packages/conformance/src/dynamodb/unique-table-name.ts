import { randomBytes } from 'node:crypto'

/**
 * `<prefix>-<12 hex digits>`: a table name no other test file (or run sharing the backend) uses.
 * The prefix is cut so the result keeps within DynamoDB's 255 characters.
 *
 * @param prefix - a valid table name
 */
export function uniqueTableName(prefix: string): string {
  return `${prefix.slice(0, 240)}-${randomBytes(6).toString('hex')}`
}
