import { EventEmitter } from 'node:events'
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import dynalite from 'dynalite'

/** A DynamoDB JSON request, already read in full. */
export interface DynamoRequest {
  /** Lower-case header names, as Node's http module gives them. */
  headers: IncomingHttpHeaders
  body: Buffer
}

/** What dynalite answered. */
export interface DynamoResponse {
  statusCode: number
  headers: Record<string, string>
  body: Buffer
}

/** The operations dynalite implements itself (DescribeTimeToLive is ours: dynalite's is a stub). */
export const dynaliteOperations: ReadonlySet<string> = new Set([
  'BatchGetItem',
  'BatchWriteItem',
  'CreateTable',
  'DeleteItem',
  'DeleteTable',
  'DescribeTable',
  'GetItem',
  'ListTables',
  'PutItem',
  'Query',
  'Scan',
  'TagResource',
  'UntagResource',
  'ListTagsOfResource',
  'UpdateItem',
  'UpdateTable',
])

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void

/**
 * dynalite's storage and request logic, called in-process with requests we have already read.
 *
 * dynalite never sees a socket: its handler rethrows stream errors (an aborted client would
 * crash the host), so it only ever gets a synthetic request whose body is complete.
 */
export class DynaliteStore {
  readonly #server: ReturnType<typeof dynalite>
  readonly #handle: RequestListener

  private constructor(server: ReturnType<typeof dynalite>) {
    this.#server = server
    const [listener] = server.listeners('request') as RequestListener[]
    if (!listener) throw new Error('dynalite returned a server without a request handler')
    this.#handle = listener
  }

  /** Opens a store in memory, or on disk under `path`. Tables become ACTIVE without delay. */
  static open(path?: string): DynaliteStore {
    return new DynaliteStore(
      dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }),
    )
  }

  /** Runs one DynamoDB request through dynalite. */
  invoke(request: DynamoRequest): Promise<DynamoResponse> {
    return new Promise((resolve) => {
      const req = Object.assign(new EventEmitter(), {
        headers: request.headers,
        method: 'POST',
        url: '/',
      })
      const res = new CapturedResponse(resolve)
      try {
        this.#handle(req as unknown as IncomingMessage, res as unknown as ServerResponse)
        if (request.body.length > 0) req.emit('data', request.body)
        req.emit('end')
      } catch (error) {
        res.fail(error)
      }
    })
  }

  /** Flushes and closes the store; on disk, this releases the directory's lock. */
  close(): Promise<void> {
    // dynalite closes its database only from its server's close(), which refuses to run on a
    // server that never listened; so it listens on a loopback port for the instant of closing.
    return new Promise((resolve, reject) => {
      this.#server.listen(0, '127.0.0.1', () => {
        this.#server.close((error) => (error ? reject(error) : resolve()))
      })
    })
  }
}

class CapturedResponse {
  statusCode = 200
  contentType = 'application/x-amz-json-1.0'
  readonly #headers: Record<string, string> = {}
  readonly #resolve: (response: DynamoResponse) => void
  #done = false

  constructor(resolve: (response: DynamoResponse) => void) {
    this.#resolve = resolve
  }

  setHeader(name: string, value: string | number): void {
    this.#headers[name.toLowerCase()] = String(value)
  }

  end(body?: string | Buffer): void {
    if (this.#done) return
    this.#done = true
    this.#resolve({
      statusCode: this.statusCode,
      headers: this.#headers,
      body: body === undefined ? Buffer.alloc(0) : Buffer.from(body),
    })
  }

  fail(error: unknown): void {
    this.statusCode = 500
    this.#headers['content-type'] = 'application/x-amz-json-1.0'
    const message = error instanceof Error ? error.message : String(error)
    this.end(
      JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message }),
    )
  }
}
