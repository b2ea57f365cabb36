import type { RequestListener } from 'node:http'
import express from 'express'
import { adminPath } from './admin-path.js'
import { type AdministeredEmulator, createAdminRouter } from './admin-router.js'

/**
 * The admin API as a request listener. Loaded on the first admin request, so that an emulator
 * that only serves DynamoDB never loads express or zod.
 */
export function createAdminApp(emulator: () => AdministeredEmulator): RequestListener {
  const app = express()
  app.disable('x-powered-by')
  app.disable('etag')
  app.use(adminPath, createAdminRouter(emulator()))
  return app
}
