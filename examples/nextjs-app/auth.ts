import {
  createDocumentClient,
  DynamoDBAdapter,
  type DynamoDBAdapterInstance,
} from '@auth-dynamo/adapter'
import NextAuth from 'next-auth'
import Passkey from 'next-auth/providers/passkey'
import { devInboxEmailProvider } from '@/lib/dev-inbox'

let adapter: DynamoDBAdapterInstance | undefined

/**
 * The adapter, made on first use rather than when this file is imported: `next build` imports it
 * without the AUTH_DYNAMODB_* variables, and the client should read them from the running
 * server (a missing region fails the first request with INVALID_CONFIG, never the build).
 * Pages use it too (the protected page counts the user's passkeys).
 */
export function getAdapter(): DynamoDBAdapterInstance {
  adapter ??= DynamoDBAdapter(createDocumentClient())
  return adapter
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  adapter: getAdapter(),
  providers: [devInboxEmailProvider(), Passkey],
  session: { strategy: 'database' },
  experimental: { enableWebAuthn: true },
  pages: { signIn: '/signin' },
  callbacks: {
    // proxy.ts runs `auth` on the routes it matches; a request without a session goes to sign-in.
    authorized: ({ auth }) => auth !== null,
    // The protected page lists the user's passkeys, so it needs the id, which Auth.js omits.
    session: ({ session, user }) => ({ ...session, user: { ...session.user, id: user.id } }),
  },
}))
