import type { DynamoRequest } from './dynalite-store.js'

// dynalite checks only that a request looks signed, never the signature itself.
const internalAuthorization =
  'AWS4-HMAC-SHA256 Credential=auth-dynamo/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0'

/** A request the emulator sends to its own store, bypassing HTTP. */
export function internalRequest(operation: string, payload: unknown): DynamoRequest {
  return {
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDB_20120810.${operation}`,
      'x-amz-date': '20200101T000000Z',
      authorization: internalAuthorization,
    },
    body: Buffer.from(JSON.stringify(payload)),
  }
}
