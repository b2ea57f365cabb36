import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import { adminPath } from '../admin/admin-path.js'
import type { AdministeredEmulator } from '../admin/admin-router.js'
import type { Namespace } from '../namespaces/namespace.js'
import { inspectorScript, inspectorStyles } from './inspector-assets.js'
import { allItems, allNamespaces, itemPage, tableSummaries } from './inspector-data.js'
import {
  authjsPage,
  inspectorUrls,
  itemsPage,
  notFoundPage,
  overviewPage,
} from './inspector-pages.js'
import { inspectorCookieName } from './inspector-token.js'

// Nothing inline, nothing from elsewhere, never in a frame: item data is written by clients,
// and even escaped, a page about it should run no script but its own.
const securityHeaders = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
}

/**
 * The inspector: a few server-rendered pages under `/_emulator/inspector` (behind the same guard
 * as the admin API) showing each namespace's clock, tables, items with their TTL status, an
 * Auth.js view of users with their accounts, sessions and authenticators, fault rules, the
 * operation log per principal and snapshots. Its forms call the admin API.
 */
export function createInspectorRouter(emulator: AdministeredEmulator): Router {
  const router = express.Router()
  router.use((req, res, next) => {
    res.set(securityHeaders)
    const token = req.query.token
    if (req.method === 'GET' && typeof token === 'string') {
      // The guard has checked the token; keep it in a cookie and out of the address bar.
      res.cookie(inspectorCookieName(req.socket.localPort), token, {
        httpOnly: true,
        sameSite: 'strict',
        path: adminPath,
      })
      const url = new URL(req.originalUrl, 'http://inspector.invalid')
      url.searchParams.delete('token')
      return res.redirect(303, `${url.pathname}${url.search}`)
    }
    next()
  })

  router.get('/assets/inspector.js', (_req, res) => {
    res.type('text/javascript').send(inspectorScript)
  })
  router.get('/assets/inspector.css', (_req, res) => {
    res.type('text/css').send(inspectorStyles)
  })
  router.get('/', (_req, res) => {
    res.redirect(303, inspectorUrls.namespace(emulator.defaultNamespace.id))
  })

  const namespaceOf = (req: Request, res: Response): Namespace | undefined => {
    const namespace = emulator.namespace(req.params.id as string)
    if (!namespace) {
      res
        .status(404)
        .type('html')
        .send(
          notFoundPage(
            `No namespace ${req.params.id}: it was deleted, or never made.`,
            allNamespaces(emulator),
          ),
        )
    }
    return namespace
  }

  router.get('/namespaces/:id', async (req, res) => {
    const namespace = namespaceOf(req, res)
    if (!namespace) return
    res.type('html').send(
      overviewPage({
        namespace,
        namespaces: allNamespaces(emulator),
        tables: await tableSummaries(namespace),
        faults: namespace.faults.list(),
        operations: emulator.operationsByPrincipal(namespace),
        snapshots: namespace.snapshots(),
      }),
    )
  })

  const tableOf = async (req: Request, res: Response) => {
    const namespace = namespaceOf(req, res)
    if (!namespace) return undefined
    const table = (await tableSummaries(namespace)).find(
      (summary) => summary.name === req.params.table,
    )
    if (!table) {
      res
        .status(404)
        .type('html')
        .send(
          notFoundPage(
            `No table ${req.params.table} in namespace ${namespace.id}.`,
            allNamespaces(emulator),
          ),
        )
      return undefined
    }
    return { namespace, table }
  }

  router.get('/namespaces/:id/tables/:table', async (req, res) => {
    const found = await tableOf(req, res)
    if (!found) return
    const prefix = typeof req.query.prefix === 'string' ? req.query.prefix.slice(0, 2048) : ''
    const start = typeof req.query.start === 'string' ? req.query.start : undefined
    res.type('html').send(
      itemsPage({
        ...found,
        namespaces: allNamespaces(emulator),
        page: await itemPage(found.namespace, found.table, prefix, start),
        prefix,
        start,
      }),
    )
  })

  router.get('/namespaces/:id/tables/:table/authjs', async (req, res) => {
    const found = await tableOf(req, res)
    if (!found) return
    const { items, complete } = await allItems(found.namespace, found.table.name)
    res
      .type('html')
      .send(authjsPage({ ...found, namespaces: allNamespaces(emulator), items, complete }))
  })

  router.use((req: Request, res: Response, _next: NextFunction) => {
    res
      .status(404)
      .type('html')
      .send(notFoundPage(`No inspector page ${req.path}.`, allNamespaces(emulator)))
  })
  return router
}
