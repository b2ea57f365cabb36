import type { IncomingMessage } from 'node:http'
import { adminPath } from '../admin/admin-path.js'

/** Where the inspector lives, under the admin path. */
export const inspectorPath = `${adminPath}/inspector`

/**
 * The cookie that carries the admin token for the inspector, one per port: browsers send a
 * host's cookies to every port of it, and two emulators on one machine have two tokens.
 */
export function inspectorCookieName(port: number | undefined): string {
  return `auth_dynamo_admin_${port ?? 0}`
}

/**
 * The admin token a browser sends, for the request guard: the inspector's cookie (set once
 * the token came in the URL), or on a GET of an inspector page the `?token=` the CLI prints.
 * A page cannot send an Authorization header on navigation, hence these two ways. Requests
 * with a cookie remain safe from other sites: the cookie is SameSite=Strict, and the guard
 * still refuses foreign origins and non-JSON writes.
 */
export function inspectorTokenOf(req: IncomingMessage): string | undefined {
  const cookie = cookieValue(req.headers.cookie, inspectorCookieName(req.socket?.localPort))
  if (cookie !== undefined) return cookie
  const url = req.url ?? ''
  if ((req.method ?? 'GET') !== 'GET' && req.method !== 'HEAD') return undefined
  if (
    url !== inspectorPath &&
    !url.startsWith(`${inspectorPath}/`) &&
    !url.startsWith(`${inspectorPath}?`)
  ) {
    return undefined
  }
  const query = url.indexOf('?')
  if (query === -1) return undefined
  return new URLSearchParams(url.slice(query + 1)).get('token') ?? undefined
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const separator = part.indexOf('=')
    if (separator === -1) continue
    if (part.slice(0, separator).trim() !== name) continue
    try {
      return decodeURIComponent(part.slice(separator + 1).trim())
    } catch {
      return undefined
    }
  }
  return undefined
}
