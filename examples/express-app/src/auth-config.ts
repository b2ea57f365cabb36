import type { Adapter } from '@auth/core/adapters'
import type { ExpressAuthConfig } from '@auth/express'
import Passkey from '@auth/express/providers/passkey'
import { type Inbox, inboxEmailProvider } from 'example-support/dev-inbox'

/** Where Auth.js is mounted. */
export const authBasePath = '/auth'

/** What {@link createAuthConfig} needs. */
export interface AuthConfigOptions {
  /** The Auth.js adapter: here `DynamoDBAdapter` from `@auth-dynamo/adapter`. */
  adapter: Adapter
  /** Where the email provider delivers sign-in links. */
  inbox: Inbox
  /**
   * The secret that signs Auth.js's cookies and hashes verification tokens.
   * @defaultValue the `AUTH_SECRET` environment variable
   */
  secret?: string | undefined
  /**
   * Whether to trust the request's `Host` / `X-Forwarded-Host` header for the app's URL.
   * @defaultValue Auth.js's rule: true when `AUTH_URL` or `AUTH_TRUST_HOST` is set or
   *   `NODE_ENV` is not `production`
   */
  trustHost?: boolean | undefined
  /** Auth.js's logger, e.g. to collect errors in tests. @defaultValue Auth.js's console logger */
  logger?: ExpressAuthConfig['logger']
}

/**
 * The app's Auth.js configuration: email magic links and passkeys, database sessions kept by
 * the adapter, and this app's own pages.
 *
 * @param options - the adapter, the inbox and the secrets
 * @returns a config for both `ExpressAuth` and `getSession` (Auth.js fills in defaults on first use)
 */
export function createAuthConfig(options: AuthConfigOptions): ExpressAuthConfig {
  return {
    adapter: options.adapter,
    providers: [inboxEmailProvider(options.inbox), Passkey],
    session: { strategy: 'database' },
    experimental: { enableWebAuthn: true },
    basePath: authBasePath,
    pages: { signIn: '/signin', verifyRequest: '/check-email', error: '/signin' },
    callbacks: {
      // The protected page lists the user's passkeys, so it needs the id, which Auth.js omits.
      session: ({ session, user }) => ({ ...session, user: { ...session.user, id: user.id } }),
    },
    ...(options.secret === undefined ? {} : { secret: options.secret }),
    ...(options.trustHost === undefined ? {} : { trustHost: options.trustHost }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  }
}
