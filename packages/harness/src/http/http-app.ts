import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import type { Dispatcher } from '../dispatch/dispatcher.js'
import { errorResponse } from '../engine/engine-response.js'
import { corsHeaders, readDynamoRequest } from './dynamodb-protocol.js'
import { maxRequestBytes, RequestTooLargeError, readRequestBody } from './read-request-body.js'
import type { Refusal, RequestGuard } from './request-guard.js'
import { rawWireResponse, toWireResponse, type WireResponse } from './wire-response.js'

/** What the HTTP front needs. */
export interface HttpAppParts {
  dispatcher: Dispatcher
  guard: RequestGuard
  adminPath: string
  /** The admin API's handler, loaded on its first request (express is not needed before). */
  adminHandler(): Promise<RequestListener>
  /** Serves the admin requests that need no admin app; false, having read nothing, for others. */
  adminWithoutApp(req: IncomingMessage, res: ServerResponse): Promise<boolean>
  region: string
}

/**
 * The emulator's one request listener: HTTP → guard (host; for the admin API also origin and
 * token) → DynamoDB's JSON protocol → dispatcher, or the admin API. Nothing a client sends can
 * throw out of it.
 */
export function createRequestListener(parts: HttpAppParts): RequestListener {
  return (req, res) => {
    handle(req, res, parts).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      send(
        res,
        toWireResponse(
          errorResponse('InternalServerError', `The emulator failed on this request: ${message}`),
        ),
      )
    })
  }
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  parts: HttpAppParts,
): Promise<void> {
  const url = req.url ?? '/'
  const isAdmin =
    url === parts.adminPath ||
    url.startsWith(`${parts.adminPath}/`) ||
    url.startsWith(`${parts.adminPath}?`)
  const refusal = parts.guard.checkHost(req) ?? (isAdmin ? parts.guard.checkAdmin(req) : undefined)
  if (refusal) return refuse(req, res, refusal, isAdmin)
  if (isAdmin) {
    if (await parts.adminWithoutApp(req, res)) return
    const admin = await parts.adminHandler()
    return admin(req, res)
  }

  const method = req.method ?? 'GET'
  const cors = corsHeaders(method, req.headers)
  if (cors.preflight) {
    req.resume()
    return send(res, rawWireResponse(200, '', cors.headers))
  }
  if (method === 'GET') {
    req.resume()
    if (url.split('?')[0] === '/') {
      // The real endpoint answers a GET with this line, and health checks look for it.
      return send(
        res,
        withHeaders(
          rawWireResponse(200, `healthy: dynamodb.${parts.region}.amazonaws.com `),
          cors.headers,
        ),
      )
    }
    return send(
      res,
      toWireResponse(
        errorResponse(
          'UnknownOperationException',
          `GET ${url.split('?')[0]} is not a DynamoDB request: send POST / with an X-Amz-Target header, or use the admin API under ${parts.adminPath}/`,
          {},
          404,
        ),
      ),
    )
  }

  let body: Buffer
  try {
    body = await readRequestBody(req)
  } catch (error) {
    if (error instanceof RequestTooLargeError && error.answerable) {
      res.setHeader('connection', 'close')
      return send(
        res,
        toWireResponse(
          errorResponse(
            'RequestEntityTooLarge',
            `Request of ${error.receivedBytes} bytes is larger than DynamoDB's limit of ${maxRequestBytes} bytes`,
          ),
        ),
      )
    }
    return // the client went away mid-request: there is no one to answer
  }

  const parsed = readDynamoRequest(method, url, req.headers, body)
  if ('answer' in parsed) return send(res, withHeaders(parsed.answer, cors.headers))
  const response = await parts.dispatcher.dispatch(parsed)
  if (response.disconnect) {
    res.destroy()
    return
  }
  send(res, withHeaders(toWireResponse(response, parsed.contentType), cors.headers))
}

function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  refusal: Refusal,
  isAdmin: boolean,
): void {
  req.resume()
  res.setHeader('connection', 'close')
  if (isAdmin) {
    const body = Buffer.from(
      JSON.stringify({ error: { code: refusal.code, message: refusal.message } }),
    )
    send(res, {
      statusCode: refusal.status,
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      body,
    })
  }
  send(
    res,
    toWireResponse(errorResponse('AccessDeniedException', refusal.message, {}, refusal.status)),
  )
}

function withHeaders(response: WireResponse, headers: Record<string, string>): WireResponse {
  return { ...response, headers: { ...response.headers, ...headers } }
}

function send(res: ServerResponse, response: WireResponse): void {
  if (res.headersSent || res.destroyed) return
  res.writeHead(response.statusCode, response.headers)
  res.end(response.body)
}
