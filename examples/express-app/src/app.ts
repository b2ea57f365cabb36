import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { ExpressAuth, getSession } from '@auth/express'
import type { DynamoDBAdapterInstance } from '@auth-dynamo/adapter'
import type { Inbox } from 'example-support/dev-inbox'
import express, { type Express } from 'express'
import { type AuthConfigOptions, authBasePath, createAuthConfig } from './auth-config.js'
import { csrfToken } from './csrf-token.js'
import { checkEmailPage } from './views/check-email-page.js'
import { homePage } from './views/home-page.js'
import { inboxPage } from './views/inbox-page.js'
import { protectedPage } from './views/protected-page.js'
import { signInPage } from './views/sign-in-page.js'

/** What {@link createApp} needs. */
export interface AppOptions {
  /** `DynamoDBAdapter(...)` from `@auth-dynamo/adapter`. */
  adapter: DynamoDBAdapterInstance
  /** Where sign-in links are delivered. */
  inbox: Inbox
  /**
   * Serve the inbox at `GET /dev/inbox`. Never in production: anyone could read the links.
   * @defaultValue false
   */
  exposeInbox?: boolean | undefined
  /** @defaultValue the `AUTH_SECRET` environment variable */
  secret?: string | undefined
  /** @defaultValue Auth.js's rule (see {@link AuthConfigOptions.trustHost}) */
  trustHost?: boolean | undefined
  /** @defaultValue Auth.js's console logger */
  logger?: AuthConfigOptions['logger']
}

const simpleWebAuthnBrowser = createRequire(import.meta.url).resolve(
  '@simplewebauthn/browser/dist/bundle/index.js',
)
// Resolves from src/ (tests) and dist/ (built) alike: both sit next to public/.
const passkeyScript = fileURLToPath(new URL('../public/passkey.js', import.meta.url))

function queryString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

// Only same-site paths, so the sign-in page cannot be turned into an open redirect.
function localPath(value: unknown, fallback: string): string {
  const path = queryString(value)
  return path?.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\')
    ? path
    : fallback
}

/**
 * The example app: Auth.js mounted at `/auth`, and the pages `/`, `/signin`, `/check-email`,
 * `/protected` (signed-in users only) and, when enabled, `/dev/inbox`.
 *
 * @param options - the adapter, the inbox and Auth.js settings
 * @returns an Express app, not yet listening
 */
export function createApp(options: AppOptions): Express {
  const { adapter, inbox } = options
  const authConfig = createAuthConfig(options)
  const app = express()
  app.set('trust proxy', true)

  app.use(authBasePath, ExpressAuth(authConfig))

  // `send` refuses any path with a dot-directory by default, and pnpm installs under node_modules/.pnpm.
  const asset = (path: string) => (_req: express.Request, res: express.Response) =>
    res.sendFile(path, { dotfiles: 'allow' })
  app.get('/assets/simplewebauthn-browser.js', asset(simpleWebAuthnBrowser))
  app.get('/assets/passkey.js', asset(passkeyScript))

  app.get('/', async (req, res) => {
    const session = await getSession(req, authConfig)
    res.type('html').send(homePage(session?.user?.email ?? undefined))
  })

  app.get('/signin', async (req, res) => {
    res.type('html').send(
      signInPage({
        csrfToken: await csrfToken(req, res, authConfig),
        callbackUrl: localPath(req.query.callbackUrl, '/protected'),
        basePath: authBasePath,
        error: queryString(req.query.error),
      }),
    )
  })

  app.get('/check-email', (_req, res) => {
    res.type('html').send(checkEmailPage(options.exposeInbox === true))
  })

  app.get('/protected', async (req, res) => {
    const session = await getSession(req, authConfig)
    const user = session?.user
    if (!user?.email || !user.id) {
      res.redirect(`/signin?${new URLSearchParams({ callbackUrl: req.originalUrl })}`)
      return
    }
    const passkeys = await adapter.listAuthenticatorsByUserId(user.id)
    res.type('html').send(
      protectedPage({
        email: user.email,
        passkeys: passkeys.length,
        csrfToken: await csrfToken(req, res, authConfig),
        basePath: authBasePath,
      }),
    )
  })

  if (options.exposeInbox === true) {
    app.get('/dev/inbox', (_req, res) => {
      res.type('html').send(inboxPage(inbox.messages()))
    })
  }

  return app
}
