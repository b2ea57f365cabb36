import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import { z } from 'zod'
import { maxDateMs } from '../clock/emulator-clock.js'
import type { OperationCounts } from '../dispatch/operation-log.js'
import { EmulatorError } from '../errors/emulator-error.js'
import type { IndexLagOption } from '../features/index-lag/index-lag.js'
// peers (issue 11)
import { addPeerRoutes, peerEndpointList } from '../features/peer-routes.js'
import { createInspectorRouter } from '../inspector/inspector-router.js'
import type { Namespace } from '../namespaces/namespace.js'
import type { SeedItems } from '../seed/seed-data.js'
import { type AuthjsTableOptions, authjsTable } from '../tables/authjs-table.js'
import type { TableDefinition } from '../tables/table-definition.js'
import { adminPath } from './admin-path.js'
import type { AdminErrorBody, HealthStatus, OperationsReport } from './admin-types.js'
import { clockStatus } from './clock-status.js'
import { emulatorErrorStatus } from './emulator-error-status.js'
import { namespaceInfo } from './namespace-info.js'

// As much as one DynamoDB request can carry.
const adminBodyLimit = '16mb'

/** What the admin API needs of the emulator. */
export interface AdministeredEmulator {
  health(): HealthStatus
  readonly defaultNamespace: Namespace
  namespace(id: string): Namespace | undefined
  namespaces(): Namespace[]
  createNamespace(options: {
    tables?: TableDefinition[]
    clock?: 'system' | 'manual'
    // peers (issue 11)
    seed?: SeedItems | SeedItems[]
    indexLag?: IndexLagOption
  }): Promise<Namespace>
  deleteNamespace(id: string): Promise<boolean>
  operationsReport(filter?: { accessKeyId?: string; namespace?: Namespace }): OperationsReport
  createAuthjsTable(
    namespace: Namespace,
    options?: AuthjsTableOptions,
  ): Promise<{ tableName: string }>
  // peers (issue 11): the inspector's view of the operation log
  /** Operation counts of each principal of a namespace. */
  operationsByPrincipal(namespace: Namespace): Record<string, OperationCounts>
}

const clockChange = z.union([
  z.strictObject({ advanceMs: z.number().finite().min(0).max(maxDateMs) }),
  z.strictObject({
    set: z.union([z.string().min(1).max(64), z.number().finite().min(-maxDateMs).max(maxDateMs)]),
  }),
  z.strictObject({ reset: z.literal(true) }),
])

const sweepRequest = z.strictObject({ tableName: z.string().min(1).max(255).optional() })

const authjsOptions = z.strictObject({
  tableName: z.string().min(1).max(255).optional(),
  partitionKey: z.string().min(1).max(255).optional(),
  sortKey: z.string().min(1).max(255).optional(),
  indexName: z.string().min(1).max(255).optional(),
  indexPartitionKey: z.string().min(1).max(255).optional(),
  indexSortKey: z.string().min(1).max(255).optional(),
})

const tableRequest = z.union([
  z.strictObject({ authjs: authjsOptions }),
  z.strictObject({ definition: z.looseObject({ TableName: z.string().min(1).max(255) }) }),
])

const namespaceRequest = z.strictObject({
  tables: z
    .array(z.looseObject({ TableName: z.string().min(1).max(255) }))
    .max(100)
    .optional(),
  authjs: authjsOptions.optional(),
  clock: z.enum(['system', 'manual']).optional(),
  // peers (issue 11): inline seed items only (the admin API reads no files), and index lag
  seed: z
    .union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown())).max(100)])
    .optional(),
  indexLag: z
    .union([z.number().int().min(0), z.record(z.string().min(1), z.number().int().min(0))])
    .optional(),
})

class AdminInputError extends Error {}
class NotFoundError extends Error {}

/**
 * The admin API: health, namespaces, and per namespace its clock, sweeps, reset, tables and
 * their items, and operation counts. The default namespace's routes are at the top
 * (`/_emulator/clock`); a test file's are under `/_emulator/namespaces/<id>/`. JSON in and out;
 * bad input answers 400 with a message saying what to send instead.
 */
export function createAdminRouter(emulator: AdministeredEmulator): Router {
  const router = express.Router()
  router.use(express.json({ limit: adminBodyLimit }))

  router.get('/health', (_req, res) => {
    res.json(emulator.health())
  })
  router.get('/operations', (req, res) => {
    res.json(emulator.operationsReport({ accessKeyId: accessKeyQuery(req) }))
  })
  router.get('/namespaces', async (_req, res) => {
    res.json({ namespaces: await Promise.all(emulator.namespaces().map(namespaceInfo)) })
  })
  router.post('/namespaces', async (req, res) => {
    const request = parse(
      namespaceRequest,
      req.body ?? {},
      'send {} for a namespace with the emulator\'s tables, or { "tables": [CreateTable inputs] }, { "authjs": { ...Auth.js table options } }, "clock": "manual" | "system"',
    )
    const tables =
      request.tables !== undefined || request.authjs !== undefined
        ? [
            ...((request.tables ?? []) as unknown as TableDefinition[]),
            ...(request.authjs ? [authjsTable(request.authjs)] : []),
          ]
        : undefined
    const namespace = await emulator.createNamespace({
      ...(tables ? { tables } : {}),
      ...(request.clock ? { clock: request.clock } : {}),
      // peers (issue 11)
      ...(request.seed ? { seed: request.seed as SeedItems | SeedItems[] } : {}),
      ...(request.indexLag !== undefined ? { indexLag: request.indexLag } : {}),
    })
    res.status(201).json(await namespaceInfo(namespace))
  })
  router.delete('/namespaces/:id', async (req, res) => {
    if (!(await emulator.deleteNamespace(req.params.id as string))) {
      throw new NotFoundError(`No namespace ${req.params.id}`)
    }
    res.status(204).end()
  })

  // peers (issue 11): the inspector page, before the default namespace's routes
  router.use('/inspector', createInspectorRouter(emulator))

  const scoped = namespaceRoutes(emulator)
  router.use('/namespaces/:id', (req, res, next) => {
    const namespace = emulator.namespace(req.params.id as string)
    if (!namespace)
      return next(new NotFoundError(`No namespace ${req.params.id}: it was deleted, or never made`))
    res.locals.namespace = namespace
    scoped(req, res, next)
  })
  router.use((req, res, next) => {
    res.locals.namespace = emulator.defaultNamespace
    scoped(req, res, next)
  })

  router.use((req, res) => {
    sendError(
      res,
      404,
      'NOT_FOUND',
      `No admin endpoint ${req.method} ${adminPath}${req.path}. ${endpointList}`,
    )
  })
  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof AdminInputError) return sendError(res, 400, 'BAD_REQUEST', error.message)
    if (error instanceof NotFoundError) return sendError(res, 404, 'NOT_FOUND', error.message)
    if (isBodyParserError(error)) {
      const status = typeof error.status === 'number' && error.status < 500 ? error.status : 400
      if (status === 413) {
        return sendError(
          res,
          413,
          'BAD_REQUEST',
          `The body is larger than the admin API takes (${adminBodyLimit}): load a bigger seed from a file (the seed option, or the CLI's --seed) or in several calls`,
        )
      }
      return sendError(res, status, 'BAD_REQUEST', bodyProblem(error))
    }
    if (error instanceof EmulatorError) {
      return sendError(res, emulatorErrorStatus(error), error.code, error.message)
    }
    if (isZlibError(error)) {
      return sendError(
        res,
        400,
        'BAD_REQUEST',
        `The body does not decode as its Content-Encoding says (${error.message}): send it uncompressed, or compressed as the header names`,
      )
    }
    if (isRouterRefusal(error)) {
      return sendError(
        res,
        error.status,
        'BAD_REQUEST',
        error instanceof URIError
          ? `${error.message}: percent-encode ids and table names in the path (encodeURIComponent)`
          : error.message,
      )
    }
    sendError(res, 500, 'INTERNAL', error instanceof Error ? error.message : String(error))
  })
  return router
}

/** The routes of one namespace (`res.locals.namespace`). */
function namespaceRoutes(emulator: AdministeredEmulator): Router {
  const router = express.Router({ mergeParams: true })
  const current = (res: Response) => res.locals.namespace as Namespace

  router.get('/clock', (_req, res) => {
    res.json(clockStatus(current(res).clock))
  })
  router.post('/clock', (req, res) => {
    const change = parse(
      clockChange,
      req.body,
      `send { "advanceMs": <milliseconds, 0 to ${maxDateMs}> }, { "set": "<ISO 8601 date>" } or { "reset": true } to return to real time`,
    )
    const { clock } = current(res)
    if ('advanceMs' in change) clock.advance(change.advanceMs)
    else if ('set' in change) clock.set(change.set)
    else clock.reset()
    res.json(clockStatus(clock))
  })
  router.post('/sweep', async (req, res) => {
    const { tableName } = parse(
      sweepRequest,
      req.body ?? {},
      'send {} to sweep every table of the namespace, or { "tableName": "<table>" } to sweep one',
    )
    res.json(await current(res).sweep(tableName === undefined ? {} : { tableName }))
  })
  router.post('/reset', async (_req, res) => {
    const namespace = current(res)
    await namespace.reset()
    res.json({ tables: await namespace.listTables() })
  })
  router.get('/operations', (req, res) => {
    res.json(
      emulator.operationsReport({ namespace: current(res), accessKeyId: accessKeyQuery(req) }),
    )
  })
  router.get('/tables', async (_req, res) => {
    res.json({ tables: await current(res).listTables() })
  })
  router.post('/tables', async (req, res) => {
    const request = parse(
      tableRequest,
      req.body ?? {},
      'send { "authjs": { ...Auth.js table options } } or { "definition": { ...CreateTable input } }',
    )
    const namespace = current(res)
    const created =
      'authjs' in request
        ? await emulator.createAuthjsTable(namespace, request.authjs)
        : await namespace.createTable(request.definition as unknown as TableDefinition)
    res.status(201).json(created)
  })
  router.delete('/tables/:name', async (req, res) => {
    const namespace = current(res)
    await namespace.requireTable(req.params.name as string)
    await namespace.deleteTable(req.params.name as string)
    res.status(204).end()
  })
  router.get('/tables/:name/items', async (req, res) => {
    const format = req.query.format ?? 'plain'
    if (format !== 'plain' && format !== 'dynamodb') {
      throw new AdminInputError('format must be "plain" or "dynamodb"')
    }
    res.json(await current(res).items(req.params.name as string, format))
  })
  // peers (issue 11): faults, index lag, seed, snapshots, truncate
  addPeerRoutes(router, current)
  return router
}

const endpointList = `Endpoints: GET health, GET operations, GET|POST namespaces, DELETE namespaces/:id; and for the default namespace (or under namespaces/:id/): GET|POST clock, POST sweep, POST reset, GET operations, GET|POST tables, DELETE tables/:name, GET tables/:name/items, ${peerEndpointList}`

function accessKeyQuery(req: Request): string | undefined {
  const { accessKeyId } = req.query
  if (accessKeyId !== undefined && typeof accessKeyId !== 'string') {
    throw new AdminInputError('accessKeyId must be given once, as a string')
  }
  return accessKeyId
}

function parse<T>(schema: z.ZodType<T>, body: unknown, hint: string): T {
  const result = schema.safeParse(body)
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
      .join('; ')
    throw new AdminInputError(`Bad request body (${problems}): ${hint}`)
  }
  return result.data
}

function sendError(res: Response, status: number, code: string, message: string): void {
  const body: AdminErrorBody = { error: { code, message } }
  res.status(status).json(body)
}

/** A client error express raised itself, such as a path parameter that does not decode. */
function isRouterRefusal(error: unknown): error is Error & { status: number } {
  if (!(error instanceof Error) || !('status' in error)) return false
  return typeof error.status === 'number' && error.status >= 400 && error.status < 500
}

/** A body that does not decompress: node:zlib's errors carry `Z_` codes. */
function isZlibError(error: unknown): error is Error {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('Z_')
}

function isBodyParserError(error: unknown): error is Error & { type: string; status?: number } {
  return error instanceof Error && 'type' in error && typeof error.type === 'string'
}

/**
 * What is wrong with a body express.json() refused. In its strict mode it refuses JSON that is
 * not an object or array (`null`, `5`, `"next-auth"`) with JSON.parse's wording, as if the body
 * were not JSON at all: such a body is named for what it is.
 */
function bodyProblem(error: { message: string; body?: unknown }): string {
  if (typeof error.body === 'string') {
    try {
      const value: unknown = JSON.parse(error.body)
      return `The body must be a JSON object, got ${value === null ? 'null' : `${typeof value} ${JSON.stringify(value).slice(0, 60)}`}`
    } catch {
      // not JSON: JSON.parse's message below says where
    }
  }
  return `The body is not valid JSON: ${error.message}`
}
