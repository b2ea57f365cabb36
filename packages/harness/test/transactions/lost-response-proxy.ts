import { createServer, type IncomingMessage, type Server } from 'node:http'

/** A proxy in front of a DynamoDB endpoint that loses answers on purpose. */
export interface LostResponseProxy {
  readonly endpoint: string
  /** Requests of each operation that reached the DynamoDB behind the proxy. */
  readonly forwarded: Map<string, number>
  close(): Promise<void>
}

/**
 * Forwards every request to `upstream`; for the first `drop` requests of `operation`, it lets
 * the request run and then cuts the client's connection instead of answering, as a network that
 * loses a response does. The client sees a reset connection and retries.
 */
export async function lostResponseProxy(
  upstream: string,
  operation: string,
  drop = 1,
): Promise<LostResponseProxy> {
  let toDrop = drop
  const forwarded = new Map<string, number>()
  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request)
    const target = String(request.headers['x-amz-target'] ?? '')
    const name = target.slice(target.indexOf('.') + 1)
    forwarded.set(name, (forwarded.get(name) ?? 0) + 1)
    const headers: Record<string, string> = {}
    for (const [header, value] of Object.entries(request.headers)) {
      if (['host', 'connection', 'content-length'].includes(header)) continue
      if (typeof value === 'string') headers[header] = value
    }
    const answer = await fetch(upstream, { method: 'POST', headers, body })
    const text = await answer.text()
    if (name === operation && toDrop > 0) {
      toDrop--
      request.socket.destroy()
      return
    }
    response.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'application/x-amz-json-1.0',
    })
    response.end(text)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    endpoint: `http://127.0.0.1:${port}`,
    forwarded,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
