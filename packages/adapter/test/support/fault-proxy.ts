import { createServer, request as httpRequest, type IncomingMessage } from 'node:http'

/** How a lost response looks to the client. */
export type LossMode =
  /** The connection is closed after the backend answered: the SDK sees ECONNRESET. */
  | 'reset'
  /** The backend's answer is replaced by a 500 InternalServerError, which the SDK retries. */
  | 'server-error'
  /** Half of the losses each way. */
  | 'mixed'

/** Options of {@link startFaultProxy}. */
export interface FaultProxyOptions {
  /** The backend's endpoint, e.g. `http://127.0.0.1:8000`. */
  target: string
  /** The share of responses lost, from 0 to 1. */
  lossRate: number
  /** Seeds the choice of which responses are lost, so a run can be repeated. */
  seed: number
  /** @defaultValue `'mixed'` */
  mode?: LossMode
  /**
   * Which operations (the `X-Amz-Target` action, e.g. `PutItem`) may lose their response.
   * @defaultValue every operation
   */
  affects?: (operation: string) => boolean
}

/** A running proxy. */
export interface FaultProxy {
  /** Point the client here instead of at the backend. */
  readonly endpoint: string
  /** Requests forwarded, and responses lost, per operation. */
  readonly stats: { forwarded: Map<string, number>; lost: Map<string, number> }
  close(): Promise<void>
}

// mulberry32: a tiny seeded PRNG, so the sequence of losses is the same on every run.
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
  })
}

const internalServerError = JSON.stringify({
  __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
  message: 'Internal server error (injected by the test after the request was applied)',
})

/**
 * An HTTP proxy in front of a DynamoDB backend that loses a share of the responses *after* the
 * backend applied the request: the write landed, the client sees a network error or a 500, and
 * the AWS SDK sends the request again. That is the fault a conditional write must survive: its
 * retry fails its own condition, and only a write that recognises its own earlier success
 * answers right. A hand-written proxy because no library injects faults after the upstream
 * answer, which is the whole point here.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target)
  const random = seeded(options.seed)
  const mode = options.mode ?? 'mixed'
  const forwarded = new Map<string, number>()
  const lost = new Map<string, number>()
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)

  const server = createServer(async (request, response) => {
    try {
      const body = await readBody(request)
      const operation = String(request.headers['x-amz-target'] ?? '').split('.')[1] ?? ''
      const answer = await new Promise<{ status: number; headers: object; body: Buffer }>(
        (resolve, reject) => {
          const upstream = httpRequest(
            {
              host: target.hostname,
              port: target.port,
              method: request.method,
              path: request.url,
              headers: request.headers,
            },
            async (reply) => {
              resolve({
                status: reply.statusCode ?? 502,
                headers: reply.headers,
                body: await readBody(reply),
              })
            },
          )
          upstream.on('error', reject)
          upstream.end(body)
        },
      )
      count(forwarded, operation)
      const affected = options.affects?.(operation) ?? true
      if (affected && random() < options.lossRate) {
        count(lost, operation)
        const reset = mode === 'reset' || (mode === 'mixed' && random() < 0.5)
        if (reset) {
          request.socket.destroy()
          return
        }
        response.writeHead(500, {
          'content-type': 'application/x-amz-json-1.0',
          'x-amzn-requestid': 'injected',
        })
        response.end(internalServerError)
        return
      }
      const { 'transfer-encoding': _chunked, ...headers } = answer.headers as Record<string, string>
      response.writeHead(answer.status, { ...headers, 'content-length': answer.body.length })
      response.end(answer.body)
    } catch {
      request.socket.destroy()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stats: { forwarded, lost },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
