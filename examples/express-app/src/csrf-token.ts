import { Auth, createActionURL, setEnvDefaults } from '@auth/core'
import type { ExpressAuthConfig } from '@auth/express'
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { AppError } from './app-error.js'

function requestHeaders(req: ExpressRequest): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value)
  }
  return headers
}

/**
 * Auth.js's CSRF token for a server-rendered form. Asks Auth.js's `csrf` action in-process, as
 * `getSession` does for the session, and passes on the cookie it sets so that the token and the
 * cookie match when the form is posted.
 *
 * @param req - the page request (its cookies carry any existing CSRF cookie)
 * @param res - the page response, which receives Auth.js's `Set-Cookie` headers
 * @param config - the same config as `ExpressAuth`
 * @throws {@link AppError} `AUTH_MISCONFIGURED` when Auth.js answers without a token (e.g. no
 *   `AUTH_SECRET`)
 */
export async function csrfToken(
  req: ExpressRequest,
  res: ExpressResponse,
  config: ExpressAuthConfig,
): Promise<string> {
  setEnvDefaults(process.env, config)
  const url = createActionURL('csrf', req.protocol, requestHeaders(req), process.env, config)
  const response = await Auth(
    new Request(url, { headers: { cookie: req.headers.cookie ?? '' } }),
    config,
  )
  for (const cookie of response.headers.getSetCookie()) res.append('Set-Cookie', cookie)
  const body: unknown = await response.json()
  if (
    typeof body !== 'object' ||
    body === null ||
    !('csrfToken' in body) ||
    typeof body.csrfToken !== 'string'
  ) {
    throw new AppError(
      'AUTH_MISCONFIGURED',
      `Auth.js answered the csrf action with HTTP ${response.status} and no token: check AUTH_SECRET and the server log.`,
    )
  }
  return body.csrfToken
}
