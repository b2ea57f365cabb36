import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'
import { inspectorTokenOf } from '../inspector/inspector-token.js'

/** Who may reach the emulator, and with what. */
export interface GuardOptions {
  /** The interface the server listens on. */
  host: string
  /** Host names accepted besides loopback names and the bound address (e.g. a Docker service name). */
  allowedHosts: readonly string[]
  /** The admin API's token; required on every admin request when set. */
  adminToken: string | undefined
}

/** Why a request was refused, as the admin API's error body says it. */
export interface Refusal {
  status: number
  code: string
  message: string
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * The checks every request passes before anything else runs (DESIGN: HTTP → guard →
 * dispatcher). A `Host` the emulator does not serve is refused, which defeats DNS rebinding;
 * the admin API also refuses cross-site requests (a foreign `Origin`, `Sec-Fetch-Site:
 * cross-site`, or a state-changing request that is not JSON, which is what a `no-cors` form or
 * fetch can send) and, when a token is set, requests without it.
 */
export class RequestGuard {
  readonly #options: GuardOptions
  readonly #anyAddress: boolean

  constructor(options: GuardOptions) {
    this.#options = options
    this.#anyAddress = options.host === '0.0.0.0' || options.host === '::'
  }

  /** Whether a token protects the admin API. */
  get tokenRequired(): boolean {
    return this.#options.adminToken !== undefined
  }

  /** A refusal for a request whose Host the emulator does not serve, or undefined. */
  checkHost(req: IncomingMessage): Refusal | undefined {
    const hostname = hostnameOf(req.headers.host)
    if (hostname !== undefined && this.#serves(hostname)) return undefined
    return {
      status: 403,
      code: 'HOST_NOT_ALLOWED',
      message: `Host ${JSON.stringify(req.headers.host ?? '')} is not served by this emulator (it answers loopback names and ${this.#options.host}). To reach it under another name, start it with --allow-host <name> (or the allowedHosts option).`,
    }
  }

  /** A refusal for an admin request that is cross-site or lacks the token, or undefined. */
  checkAdmin(req: IncomingMessage): Refusal | undefined {
    const origin = req.headers.origin
    if (origin !== undefined && origin !== 'null' && hostOfOrigin(origin) !== req.headers.host) {
      return crossSite(`Origin ${origin}`)
    }
    if (origin === 'null' || req.headers['sec-fetch-site'] === 'cross-site') {
      return crossSite(origin === 'null' ? 'an opaque origin' : 'a cross-site page')
    }
    const method = req.method ?? 'GET'
    if (unsafeMethods.has(method)) {
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim()
      const hasBody =
        Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding']
      if (type !== 'application/json' && (method === 'POST' || hasBody)) {
        return {
          status: 415,
          code: 'JSON_REQUIRED',
          message: `${method} requests to the admin API must send Content-Type: application/json (a web page cannot send that without the emulator's permission, which it never gives)`,
        }
      }
    }
    const token = this.#options.adminToken
    if (token !== undefined && tokenOf(req) !== token) {
      return {
        status: 401,
        code: 'ADMIN_TOKEN_REQUIRED',
        message:
          'This emulator listens beyond loopback, so its admin API needs the token it printed at start: send it as "Authorization: Bearer <token>" (adminClient(endpoint, { token }) and the vitest helpers do this for you)',
      }
    }
    return undefined
  }

  #serves(hostname: string): boolean {
    if (isLoopbackName(hostname)) return true
    if (hostname === this.#options.host) return true
    if (this.#options.allowedHosts.includes(hostname)) return true
    // Bound to every interface, any address of the machine can arrive; a name cannot be
    // trusted unless allowed, since DNS rebinding points a foreign name at an address.
    return this.#anyAddress && isIP(hostname) !== 0
  }
}

function crossSite(what: string): Refusal {
  return {
    status: 403,
    code: 'CROSS_SITE_REQUEST',
    message: `The admin API refuses requests from ${what}: use it from your tests, scripts or the CLI, not from another site's page`,
  }
}

function tokenOf(req: IncomingMessage): string | undefined {
  const authorization = req.headers.authorization
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim()
  const header = req.headers['x-auth-dynamo-admin-token']
  // A browser cannot send a header on navigation: the inspector's cookie carries the token.
  return typeof header === 'string' ? header : inspectorTokenOf(req)
}

/** The host name of a `Host` header, without port or IPv6 brackets. */
export function hostnameOf(host: string | undefined): string | undefined {
  if (!host) return undefined
  if (host.startsWith('[')) {
    const end = host.indexOf(']')
    return end === -1 ? undefined : host.slice(1, end).toLowerCase()
  }
  const colon = host.lastIndexOf(':')
  return (colon === -1 ? host : host.slice(0, colon)).toLowerCase()
}

function hostOfOrigin(origin: string): string | undefined {
  try {
    return new URL(origin).host
  } catch {
    return undefined
  }
}

/** Whether a host name always means this machine. */
export function isLoopbackName(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  )
}
