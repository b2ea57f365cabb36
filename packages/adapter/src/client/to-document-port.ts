import type { DynamoDBDocument, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { DynamoDBAdapterError } from '../errors.js'
import type { DocumentPort } from './document-port.js'
import { type AwsSdkV2DocumentClient, isAwsSdkV2DocumentClient, sdkV2Port } from './sdk-v2-port.js'
import { sdkV3Port } from './sdk-v3-port.js'

/** The clients the adapter accepts. */
export type DynamoDBAdapterClient =
  | DynamoDBDocument
  | DynamoDBDocumentClient
  | AwsSdkV2DocumentClient

/**
 * Picks the port for a client: anything with `send` is taken as an AWS SDK v3 client, anything with
 * the v2 `DocumentClient` methods as aws-sdk v2.
 *
 * @throws {@link DynamoDBAdapterError} with code `INVALID_CLIENT` for anything else.
 */
export function toDocumentPort(client: unknown, tableName: string): DocumentPort {
  if (typeof client === 'object' && client !== null) {
    if (typeof (client as { send?: unknown }).send === 'function') {
      return sdkV3Port(client as DynamoDBDocumentClient)
    }
    if (isAwsSdkV2DocumentClient(client)) return sdkV2Port(client)
  }
  throw new DynamoDBAdapterError({
    code: 'INVALID_CLIENT',
    method: 'DynamoDBAdapter',
    tableName,
    message: `the client must be a DynamoDBDocument or DynamoDBDocumentClient from @aws-sdk/lib-dynamodb (or an aws-sdk v2 DynamoDB.DocumentClient), got ${describe(client)}. Build one with createDocumentClient() or DynamoDBDocument.from(new DynamoDBClient(config)).`,
  })
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value !== 'object') return typeof value
  return value.constructor?.name ? `an instance of ${value.constructor.name}` : 'an object'
}
