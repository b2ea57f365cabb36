import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import { z } from 'zod'
import type { EmulatorClock } from '../clock/emulator-clock.js'
import { EmulatorError } from '../errors/emulator-error.js'
import type { OperationCounts } from '../server/operation-log.js'
import type { AuthjsTableOptions } from '../tables/authjs-table.js'
import type { TableDefinition } from '../tables/table-definition.js'
import type { ItemFormat } from '../tables/table-items.js'
import type { SweepOptions, SweepResult } from '../ttl/ttl-sweeper.js'
import { adminPath } from './admin-path.js'
import type { AdminErrorBody, ClockStatus, HealthStatus, TableItems } from './admin-types.js'

/** What the admin API needs of the emulator. */
export interface AdministeredEmulator {
  readonly clock: EmulatorClock
  health(): HealthStatus
  sweep(options?: SweepOptions): Promise<SweepResult>
  reset(): Promise<void>
  listTables(): Promise<string[]>
  createTable(definition: TableDefinition): Promise<{ tableName: string }>
  createAuthjsTable(options?: AuthjsTableOptions): Promise<{ tableName: string }>
  deleteTable(tableName: string): Promise<void>
  items(tableName: string, format?: ItemFormat): Promise<TableItems>
  operations(accessKeyId?: string): OperationCounts
}

const clockChange = z.union([
  z.strictObject({ advanceMs: z.number().finite().min(0) }),
  z.strictObject({ set: z.union([z.string().min(1), z.number().finite()]) }),
])

const sweepRequest = z.strictObject({ tableName: z.string().min(1).optional() })

const authjsOptions = z.strictObject({
  tableName: z.string().min(1).optional(),
  partitionKey: z.string().min(1).optional(),
  sortKey: z.string().min(1).optional(),
  indexName: z.string().min(1).optional(),
  indexPartitionKey: z.string().min(1).optional(),
  indexSortKey: z.string().min(1).optional(),
})

const tableRequest = z.union([
  z.strictObject({ authjs: authjsOptions }),
  z.strictObject({ definition: z.looseObject({ TableName: z.string().min(1) }) }),
])

class AdminInputError extends Error {}

/**
 * The admin API: health, clock, sweep, reset, tables and their items. JSON in and out; bad
 * input answers 400 with a message saying what to send instead.
 */
export function createAdminRouter(emulator: AdministeredEmulator): Router {
  const router = express.Router()
  router.use(express.json({ limit: '1mb' }))

  router.get('/health', (_req, res) => {
    res.json(emulator.health())
  })
  router.get('/clock', (_req, res) => {
    res.json(clockStatus(emulator.clock))
  })
  router.post('/clock', (req, res) => {
    const change = parse(
      clockChange,
      req.body,
      'send { "advanceMs": <milliseconds >= 0> } or { "set": "<ISO 8601 date>" }',
    )
    if ('advanceMs' in change) emulator.clock.advance(change.advanceMs)
    else emulator.clock.set(change.set)
    res.json(clockStatus(emulator.clock))
  })
  router.get('/operations', (req, res) => {
    const { accessKeyId } = req.query
    if (accessKeyId !== undefined && typeof accessKeyId !== 'string') {
      throw new AdminInputError('accessKeyId must be given once, as a string')
    }
    res.json({ operations: emulator.operations(accessKeyId) })
  })
  router.post('/sweep', async (req, res) => {
    const { tableName } = parse(
      sweepRequest,
      req.body ?? {},
      'send no body to sweep every table, or { "tableName": "<table>" } to sweep one',
    )
    if (tableName !== undefined) await requireTable(emulator, tableName)
    res.json(await emulator.sweep(tableName === undefined ? {} : { tableName }))
  })
  router.post('/reset', async (_req, res) => {
    await emulator.reset()
    res.json({ tables: await emulator.listTables() })
  })
  router.get('/tables', async (_req, res) => {
    res.json({ tables: await emulator.listTables() })
  })
  router.post('/tables', async (req, res) => {
    const request = parse(
      tableRequest,
      req.body ?? {},
      'send { "authjs": { ...Auth.js table options } } or { "definition": { ...CreateTable input } }',
    )
    const created =
      'authjs' in request
        ? await emulator.createAuthjsTable(request.authjs)
        : await emulator.createTable(request.definition as unknown as TableDefinition)
    res.status(201).json(created)
  })
  router.delete('/tables/:name', async (req, res) => {
    await requireTable(emulator, req.params.name as string)
    await emulator.deleteTable(req.params.name as string)
    res.status(204).end()
  })
  router.get('/tables/:name/items', async (req, res) => {
    const format = req.query.format ?? 'plain'
    if (format !== 'plain' && format !== 'dynamodb') {
      throw new AdminInputError('format must be "plain" or "dynamodb"')
    }
    await requireTable(emulator, req.params.name as string)
    res.json(await emulator.items(req.params.name as string, format))
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
    if (error instanceof TableMissingError)
      return sendError(res, 404, 'TABLE_NOT_FOUND', error.message)
    if (isBodyParserError(error)) {
      return sendError(res, 400, 'BAD_REQUEST', `The body is not valid JSON: ${error.message}`)
    }
    if (error instanceof EmulatorError) {
      const status = error.code === 'INVALID_STATE' ? 503 : 400
      return sendError(res, status, error.code, error.message)
    }
    sendError(res, 500, 'INTERNAL', error instanceof Error ? error.message : String(error))
  })
  return router
}

const endpointList =
  'Endpoints: GET health, GET clock, POST clock, GET operations, POST sweep, POST reset, GET tables, POST tables, DELETE tables/:name, GET tables/:name/items'

class TableMissingError extends Error {}

async function requireTable(emulator: AdministeredEmulator, tableName: string): Promise<void> {
  const tables = await emulator.listTables()
  if (!tables.includes(tableName)) {
    throw new TableMissingError(
      `No table named ${tableName}. Tables: ${tables.length > 0 ? tables.join(', ') : '(none)'}`,
    )
  }
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

function clockStatus(clock: EmulatorClock): ClockStatus {
  const now = clock.now()
  return { mode: clock.mode, now: now.toISOString(), epochMs: now.getTime() }
}

function sendError(res: Response, status: number, code: string, message: string): void {
  const body: AdminErrorBody = { error: { code, message } }
  res.status(status).json(body)
}

function isBodyParserError(error: unknown): error is Error & { type: string } {
  return error instanceof Error && 'type' in error && typeof error.type === 'string'
}
