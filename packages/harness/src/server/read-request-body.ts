import type { IncomingMessage } from 'node:http'

/** DynamoDB's limit on the size of one request. */
export const maxRequestBytes = 16 * 1024 * 1024

/** Thrown when a body passes {@link maxRequestBytes}; the rest of it is drained, not kept. */
export class RequestTooLargeError extends Error {
  constructor(readonly receivedBytes: number) {
    super(`request body passes ${maxRequestBytes} bytes`)
  }
}

/**
 * Reads a whole request body, keeping at most `maxRequestBytes`. Rejects when the client
 * aborts (the caller then has no one to answer) or sends too much.
 */
export async function readRequestBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > maxRequestBytes) {
    req.resume()
    throw new RequestTooLargeError(declared)
  }
  const chunks: Buffer[] = []
  let received = 0
  for await (const chunk of req) {
    received += (chunk as Buffer).length
    if (received > maxRequestBytes) {
      req.resume()
      throw new RequestTooLargeError(received)
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks, received)
}
