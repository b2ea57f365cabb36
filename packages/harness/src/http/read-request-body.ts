import type { IncomingMessage } from 'node:http'

/** DynamoDB's limit on the size of one request. */
export const maxRequestBytes = 16 * 1024 * 1024

// Past the limit the body is read and thrown away, so the 413 can be answered after the client
// finished sending (answering earlier made clients see EPIPE instead); this bounds how much is
// read that way before the connection is cut.
const maxDrainBytes = 256 * 1024 * 1024

/** Thrown when a body passes {@link maxRequestBytes}. */
export class RequestTooLargeError extends Error {
  constructor(
    readonly receivedBytes: number,
    /** False when the client kept sending past the drain bound: there is no one to answer. */
    readonly answerable = true,
  ) {
    super(`request body passes ${maxRequestBytes} bytes`)
  }
}

/**
 * Reads a whole request body, keeping at most `maxRequestBytes`. Rejects when the client
 * aborts (the caller then has no one to answer) or sends too much.
 */
export function readRequestBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  // Plain events rather than `for await`: this runs on every request, and the async iterator
  // costs a measurable share of a small request's time.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let received = 0
    let tooLarge = Number.isFinite(declared) && declared > maxRequestBytes
    const onData = (chunk: Buffer) => {
      received += chunk.length
      if (received > maxRequestBytes) tooLarge = true
      if (tooLarge) {
        chunks.length = 0
        if (received > maxDrainBytes) {
          cleanup()
          req.destroy()
          reject(new RequestTooLargeError(received, false))
        }
        return
      }
      chunks.push(chunk)
    }
    const onEnd = () => {
      cleanup()
      if (tooLarge) reject(new RequestTooLargeError(Math.max(received, declared || 0)))
      else resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, received))
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
