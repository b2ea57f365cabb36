import type { Response, Router } from 'express'
import { z } from 'zod'
import type { AdminErrorBody } from '../admin/admin-types.js'
import { EmulatorError } from '../errors/emulator-error.js'
import type { Namespace } from '../namespaces/namespace.js'
import { readSeed, type SeedItems } from '../seed/seed-data.js'
import { maxSnapshots } from '../snapshot/snapshot-store.js'
import { maxFaultRules } from './faults/fault-rule-set.js'
import { maxIndexLagMs } from './index-lag/index-lag.js'

const tableName = z.string().min(1).max(255)
const tableScope = z.strictObject({ tableName: tableName.optional() })
const indexLagChange = z.strictObject({
  lagMs: z.number().int().min(0).max(maxIndexLagMs),
  tableName: tableName.optional(),
})

/** What to send to the admin API for a seed, for error messages. */
const seedHint =
  'send the items by table name: { "next-auth": [{ "pk": "USER#1", "sk": "USER#1" }] } (plain JSON or DynamoDB JSON)'

/**
 * The admin routes of one namespace for faults, index lag, seed data, snapshots and truncate
 * (issue 11), added to the namespace router (`res.locals.namespace`): the default namespace's at
 * `/_emulator/faults`..., a test file's at `/_emulator/namespaces/<id>/faults`...
 */
export function addPeerRoutes(router: Router, current: (res: Response) => Namespace): void {
  router.get('/faults', (_req, res) => {
    res.json({ rules: current(res).faults.list() })
  })
  router.post('/faults', (req, res) => {
    const { faults } = current(res)
    if (faults.list().length >= maxFaultRules) {
      return conflict(
        res,
        `This namespace already holds ${maxFaultRules} fault rules: remove some first (DELETE .../faults)`,
      )
    }
    res.status(201).json(faults.add(req.body))
  })
  router.delete('/faults', (_req, res) => {
    current(res).faults.clear()
    res.status(204).end()
  })
  router.delete('/faults/:id', (req, res) => {
    const id = req.params.id as string
    if (!current(res).faults.remove(id)) {
      return notFound(res, `No fault rule ${id} in this namespace`)
    }
    res.status(204).end()
  })

  router.get('/index-lag', (_req, res) => {
    res.json(current(res).indexLag.status())
  })
  router.post('/index-lag', async (req, res) => {
    const change = parse(
      indexLagChange,
      req.body,
      `send { "lagMs": <0 to ${maxIndexLagMs}> } for every table, or with "tableName": "<table>" for one`,
    )
    const namespace = current(res)
    await namespace.indexLag.set(change.lagMs, { tableName: change.tableName })
    res.json(namespace.indexLag.status())
  })
  router.post('/index-lag/flush', async (req, res) => {
    const { tableName } = parse(tableScope, req.body ?? {}, 'send {} or { "tableName": "<table>" }')
    res.json({ applied: await current(res).indexLag.flush(tableName) })
  })

  router.post('/seed', async (req, res) => {
    const body = req.body as unknown
    if (body === null || typeof body !== 'object') {
      throw new EmulatorError('INVALID_OPTIONS', `Bad seed: ${seedHint}`)
    }
    const sources = (Array.isArray(body) ? body : [body]) as SeedItems[]
    if (
      sources.some(
        (source) => source === null || typeof source !== 'object' || Array.isArray(source),
      )
    ) {
      throw new EmulatorError('INVALID_OPTIONS', `Bad seed: ${seedHint}`)
    }
    const entries = await readSeed(sources)
    res.json({ written: await current(res).seedItems(entries) })
  })

  router.get('/snapshots', (_req, res) => {
    res.json({ snapshots: current(res).snapshots() })
  })
  router.post('/snapshots', async (req, res) => {
    const { tableName } = parse(
      tableScope,
      req.body ?? {},
      'send {} for a snapshot of the namespace, or { "tableName": "<table>" } for one table',
    )
    const namespace = current(res)
    if (namespace.snapshots().length >= maxSnapshots) {
      return conflict(
        res,
        `This namespace already holds ${maxSnapshots} snapshots: delete one first (DELETE .../snapshots/:id)`,
      )
    }
    res.status(201).json(await namespace.snapshot({ tableName }))
  })
  router.post('/snapshots/:id/restore', async (req, res) => {
    const id = req.params.id as string
    const namespace = current(res)
    if (!namespace.snapshots().some((snapshot) => snapshot.id === id)) {
      return notFound(res, `No snapshot ${id} in this namespace`)
    }
    await namespace.restore(id)
    res.status(204).end()
  })
  router.delete('/snapshots/:id', (req, res) => {
    const id = req.params.id as string
    if (!current(res).deleteSnapshot(id))
      return notFound(res, `No snapshot ${id} in this namespace`)
    res.status(204).end()
  })
  router.post('/truncate', async (req, res) => {
    const { tableName } = parse(
      tableScope,
      req.body ?? {},
      'send {} to empty every table of the namespace, or { "tableName": "<table>" } for one',
    )
    res.json(await current(res).truncate({ tableName }))
  })
}

/** The endpoints above, for the admin API's 404 message. */
export const peerEndpointList =
  'GET|POST|DELETE faults, DELETE faults/:id, GET|POST index-lag, POST index-lag/flush, POST seed, GET|POST snapshots, POST snapshots/:id/restore, DELETE snapshots/:id, POST truncate'

function parse<T>(schema: z.ZodType<T>, body: unknown, hint: string): T {
  const result = schema.safeParse(body)
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
      .join('; ')
    throw new EmulatorError('INVALID_OPTIONS', `Bad request body (${problems}): ${hint}`)
  }
  return result.data
}

function notFound(res: Response, message: string): void {
  const body: AdminErrorBody = { error: { code: 'NOT_FOUND', message } }
  res.status(404).json(body)
}

function conflict(res: Response, message: string): void {
  const body: AdminErrorBody = { error: { code: 'LIMIT_REACHED', message } }
  res.status(409).json(body)
}
