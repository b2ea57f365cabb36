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
export function readRequestBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > maxRequestBytes) {
    req.resume()
    return Promise.reject(new RequestTooLargeError(declared))
  }
  // Plain events rather than `for await`: this runs on every request, and the async iterator
  // costs a measurable share of a small request's time.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let received = 0
    const onData = (chunk: Buffer) => {
      received += chunk.length
      if (received > maxRequestBytes) {
        cleanup()
        req.resume()
        reject(new RequestTooLargeError(received))
        return
      }
      chunks.push(chunk)
    }
    const onEnd = () => {
      cleanup()
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, received))
    }
    const onAbort = (error?: Error) => {
      cleanup()
      reject(error ?? new Error('the client closed the connection mid-request'))
    }
    const onClose = () => {
      if (!req.complete) onAbort()
    }
    const cleanup = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onAbort)
      req.off('close', onClose)
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onAbort)
    req.on('close', onClose)
  })
}
