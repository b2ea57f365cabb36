import { randomBytes } from 'node:crypto'
import { crc32 } from 'node:zlib'
import type { EngineResponse } from '../engine/engine-response.js'

/** A response as it goes on the wire. */
export interface WireResponse {
  statusCode: number
  headers: Record<string, string>
  body: Buffer
}

// A message longer than this is cut: a 300 KB request must not come back as a 300 KB error.
export const maxMessageLength = 1024

/**
 * The HTTP form of a DynamoDB response: JSON with `x-amzn-RequestId` and `x-amz-crc32`, as the
 * service sends them (some SDKs check the checksum).
 */
export function toWireResponse(
  response: EngineResponse,
  contentType = 'application/x-amz-json-1.0',
): WireResponse {
  const body = Buffer.from(JSON.stringify(boundMessages(response.body)))
  return {
    statusCode: response.statusCode,
    headers: {
      'content-type': contentType,
      'content-length': String(body.length),
      'x-amzn-requestid': requestId(),
      'x-amz-crc32': String(crc32(body)),
    },
    body,
  }
}

/** A non-JSON answer (dynalite's `<UnknownOperationException/>`, an empty CORS preflight). */
export function rawWireResponse(
  statusCode: number,
  text: string,
  headers: Record<string, string> = {},
): WireResponse {
  const body = Buffer.from(text)
  return {
    statusCode,
    headers: {
      ...headers,
      'content-length': String(body.length),
      // Every answer DynamoDB gives carries a request id, these included.
      'x-amzn-requestid': requestId(),
      'x-amz-crc32': String(crc32(body)),
    },
    body,
  }
}

function boundMessages(body: Record<string, unknown>): Record<string, unknown> {
  let bounded = body
  for (const field of ['message', 'Message'] as const) {
    const message = bounded[field]
    if (typeof message === 'string' && message.length > maxMessageLength) {
      bounded = {
        ...bounded,
        [field]: `${message.slice(0, maxMessageLength)}... (${message.length - maxMessageLength} more characters cut)`,
      }
    }
  }
  return bounded
}

// DynamoDB's request ids are 52 upper-case base32-like characters.
function requestId(): string {
  return randomBytes(39).toString('base64').toUpperCase().replace(/[+/=]/g, '0')
}
