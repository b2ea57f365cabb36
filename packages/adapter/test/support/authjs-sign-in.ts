import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { Auth, type AuthConfig } from '@auth/core'
import type { Adapter } from '@auth/core/adapters'

/** A user's profile at the fake OAuth provider. */
export interface OAuthProfile {
  sub: string
  email: string
  name: string
}

/**
 * A minimal OAuth 2 provider for Auth.js to sign in with: `/authorize` is never visited (the test
 * plays the browser and picks the code), `/token` answers any code with an access token equal to
 * it, `/userinfo` answers that token with the profile registered for the code.
 */
export async function startFakeOAuthProvider() {
  const profiles = new Map<string, OAuthProfile>()
  const server: Server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(body))
    }
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (url.pathname === '/token') {
      let body = ''
      request.on('data', (chunk) => {
        body += chunk
      })
      request.on('end', () => {
        const code = new URLSearchParams(body).get('code') ?? ''
        send(200, { access_token: code, token_type: 'bearer', expires_in: 3600 })
      })
      return
    }
    if (url.pathname === '/userinfo') {
      const token = request.headers.authorization?.replace(/^Bearer /i, '') ?? ''
      const profile = profiles.get(token)
      return profile ? send(200, profile) : send(401, { error: 'invalid_token' })
    }
    send(404, { error: 'not_found' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    /** A new authorization code that signs in as `profile`. */
    codeFor(profile: OAuthProfile): string {
      const code = randomUUID()
      profiles.set(code, profile)
      return code
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** How one browser tab's sign-in ended. */
export type SignInOutcome =
  | { signedIn: true; sessionToken: string }
  | { signedIn: false; error: string }

/** A browser tab: its own cookie jar. */
class Tab {
  readonly #cookies = new Map<string, string>()

  async fetch(auth: (request: Request) => Promise<Response>, url: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers)
    if (this.#cookies.size > 0) {
      headers.set(
        'cookie',
        [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      )
    }
    const response = await auth(new Request(url, { ...init, headers }))
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';')
      const at = pair.indexOf('=')
      this.#cookies.set(pair.slice(0, at), pair.slice(at + 1))
    }
    return response
  }

  cookie(name: string): string | undefined {
    return this.#cookies.get(name)
  }

  async csrfToken(auth: (request: Request) => Promise<Response>, origin: string) {
    const response = await this.fetch(auth, `${origin}/auth/csrf`)
    return ((await response.json()) as { csrfToken: string }).csrfToken
  }
}

const origin = 'http://localhost:3000'

/**
 * Auth.js itself (`Auth()` from `@auth/core`, database sessions) in front of an adapter, with a
 * magic-link provider whose links land in an inbox and the fake OAuth provider: the real sign-in
 * code paths (`handleLoginOrRegister`), which two tabs can race through.
 */
export function authjsApp(adapter: Adapter, oauthUrl: string) {
  const inbox = new Map<string, string[]>()
  const errors: unknown[] = []
  const config: AuthConfig = {
    adapter,
    secret: 'a-test-secret-that-is-long-enough-for-authjs',
    trustHost: true,
    basePath: '/auth',
    session: { strategy: 'database' },
    logger: { error: (error) => errors.push(error), warn: () => {}, debug: () => {} },
    providers: [
      {
        id: 'email',
        type: 'email',
        name: 'Email',
        from: 'auth@example.com',
        maxAge: 3600,
        async sendVerificationRequest({ identifier, url }: { identifier: string; url: string }) {
          inbox.set(identifier, [...(inbox.get(identifier) ?? []), url])
        },
        options: {},
      } as never,
      {
        id: 'fake',
        name: 'Fake',
        type: 'oauth',
        clientId: 'client',
        clientSecret: 'secret',
        checks: ['state'],
        authorization: { url: `${oauthUrl}/authorize`, params: { scope: 'profile email' } },
        token: `${oauthUrl}/token`,
        userinfo: `${oauthUrl}/userinfo`,
        profile: (profile: OAuthProfile) => ({
          id: profile.sub,
          email: profile.email,
          name: profile.name,
        }),
      },
    ],
  }
  const auth = (request: Request) => Auth(request, config)

  function outcome(response: Response, tab: Tab): SignInOutcome {
    const location = response.headers.get('location') ?? ''
    const sessionToken = tab.cookie('authjs.session-token')
    if (location.includes('/auth/error') || location.includes('error=') || !sessionToken) {
      return {
        signedIn: false,
        error: new URL(location, origin).searchParams.get('error') ?? `status ${response.status}`,
      }
    }
    return { signedIn: true, sessionToken }
  }

  return {
    /** Errors Auth.js logged (adapter errors among them). */
    errors,

    /** Step 1 of a magic-link sign-in in a new tab; step 2 (`finish`) opens the link. */
    async startEmailSignIn(email: string) {
      const tab = new Tab()
      const csrfToken = await tab.csrfToken(auth, origin)
      await tab.fetch(auth, `${origin}/auth/signin/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email, csrfToken, callbackUrl: `${origin}/home` }),
      })
      const link = inbox.get(email)?.pop()
      if (!link) throw new Error(`no magic link was sent to ${email}`)
      return {
        finish: async () => outcome(await tab.fetch(auth, link), tab),
      }
    },

    /** Step 1 of an OAuth sign-in in a new tab; step 2 (`finish`) comes back from the provider. */
    async startOAuthSignIn(code: string) {
      const tab = new Tab()
      const csrfToken = await tab.csrfToken(auth, origin)
      const response = await tab.fetch(auth, `${origin}/auth/signin/fake`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrfToken, callbackUrl: `${origin}/home` }),
      })
      const authorize = new URL(response.headers.get('location') ?? '')
      const state = authorize.searchParams.get('state')
      if (!authorize.href.startsWith(oauthUrl) || !state) {
        throw new Error(`Auth.js did not redirect to the provider: ${authorize.href}`)
      }
      const callback = `${origin}/auth/callback/fake?${new URLSearchParams({ code, state })}`
      return {
        finish: async () => outcome(await tab.fetch(auth, callback), tab),
      }
    },
  }
}
