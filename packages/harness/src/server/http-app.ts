import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import express, { type NextFunction, type Request, type Response } from 'express'
import type { DynamoRequest, DynamoResponse } from '../dynalite/dynalite-store.js'
import { dynamoError } from './dynamodb-error.js'
import { accessKeyIdOf, type OperationLog, operationOf } from './operation-log.js'
import { maxRequestBytes, RequestTooLargeError, readRequestBody } from './read-request-body.js'

/** What the HTTP front needs: a DynamoDB dispatcher and the admin router. */
export interface HttpAppParts {
  dispatch(request: DynamoRequest): Promise<DynamoResponse>
  operationLog: OperationLog
  adminPath: string
  adminRouter: express.Router
  region: string
}

/**
 * The emulator's one request listener: DynamoDB's JSON protocol on every POST outside the
 * admin path, express for the admin API and everything else. Nothing a client sends can throw
 * out of it.
 */
export function createRequestListener(parts: HttpAppParts): RequestListener {
  const app = createExpressApp(parts)
  // DynamoDB requests skip express: its routing costs more per request than dynalite itself.
  return (req, res) => {
    if (req.method === 'POST' && !req.url?.startsWith(parts.adminPath)) {
      handleDynamoRequest(req, res, parts).catch((error: unknown) => {
        send(res, internalError(error))
      })
    } else {
      app(req, res)
    }
  }
}

async function handleDynamoRequest(
  req: IncomingMessage,
  res: ServerResponse,
  parts: HttpAppParts,
): Promise<void> {
  let body: Buffer
  try {
    body = await readRequestBody(req)
  } catch (error) {
    if (error instanceof RequestTooLargeError) {
      res.setHeader('connection', 'close')
      return send(
        res,
        dynamoError(
          'RequestEntityTooLarge',
          `Request of ${error.receivedBytes} bytes or more is larger than DynamoDB's limit of ${maxRequestBytes} bytes`,
          413,
        ),
      )
    }
    return // the client went away mid-request: there is no one to answer
  }
  const operation = operationOf(req.headers['x-amz-target'])
  if (operation) parts.operationLog.record(operation, accessKeyIdOf(req.headers.authorization))
  send(res, await parts.dispatch({ headers: req.headers, body }))
}

function createExpressApp(parts: HttpAppParts): express.Express {
  const app = express()
  app.disable('x-powered-by')
  app.disable('etag')
  app.use(parts.adminPath, parts.adminRouter)

  app.get('/', (_req, res) => {
    // The real endpoint answers a GET with this line, and health checks look for it.
    res.type('text/plain').send(`healthy: dynamodb.${parts.region}.amazonaws.com `)
  })

  app.use((req, res) => {
    send(
      res,
      dynamoError(
        'UnknownOperationException',
        `${req.method} ${req.path} is not a DynamoDB request: send POST / with an X-Amz-Target header, or use the admin API under ${parts.adminPath}/`,
        404,
      ),
    )
  })

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    send(res, internalError(error))
  })
  return app
}

function internalError(error: unknown): DynamoResponse {
  const message = error instanceof Error ? error.message : String(error)
  return dynamoError('InternalServerError', `The emulator failed on this request: ${message}`)
}

function send(res: ServerResponse, response: DynamoResponse): void {
  if (res.headersSent || res.destroyed) return
  res.writeHead(response.statusCode, response.headers)
  res.end(response.body)
}
