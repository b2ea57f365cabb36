import express, { type Express, type NextFunction, type Request, type Response } from 'express'
import type { DynamoRequest, DynamoResponse } from '../dynalite/dynalite-store.js'
import { dynamoError } from './dynamodb-error.js'
import { maxRequestBytes, RequestTooLargeError, readRequestBody } from './read-request-body.js'

/** What the HTTP front needs: a DynamoDB dispatcher and the admin router. */
export interface HttpAppParts {
  dispatch(request: DynamoRequest): Promise<DynamoResponse>
  adminPath: string
  adminRouter: express.Router
  region: string
}

/**
 * The emulator's one HTTP app: the admin API under its reserved path, DynamoDB's JSON protocol
 * on every other POST. Nothing a client sends can throw out of it.
 */
export function createHttpApp(parts: HttpAppParts): Express {
  const app = express()
  app.disable('x-powered-by')
  app.disable('etag')
  app.use(parts.adminPath, parts.adminRouter)

  app.get('/', (_req, res) => {
    // The real endpoint answers a GET with this line, and health checks look for it.
    res.type('text/plain').send(`healthy: dynamodb.${parts.region}.amazonaws.com `)
  })

  app.post(/.*/, async (req, res) => {
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
    send(res, await parts.dispatch({ headers: req.headers, body }))
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
    const message = error instanceof Error ? error.message : String(error)
    send(res, dynamoError('InternalServerError', `The emulator failed on this request: ${message}`))
  })
  return app
}

function send(res: Response, response: DynamoResponse): void {
  if (res.headersSent || res.destroyed) return
  res.status(response.statusCode)
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value)
  res.end(response.body)
}
