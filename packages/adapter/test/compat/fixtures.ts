import { randomUUID } from 'node:crypto'
import type {
  AdapterAccount,
  AdapterAuthenticator,
  AdapterSession,
  AdapterUser,
  VerificationToken,
} from '@auth/core/adapters'

const day = 24 * 60 * 60 * 1000

/**
 * A date `days` from now with the given milliseconds. Whole seconds (the default) survive every
 * adapter's `expires` encoding exactly; `ms: 250` is exact in binary, so it survives upstream's
 * fractional-seconds encoding too.
 */
export function inDays(days: number, ms = 0): Date {
  const date = new Date(Date.now() + days * day)
  date.setUTCMilliseconds(ms)
  return date
}

/**
 * A new user, unique per call, with every standard field set and a random `id`, as Auth.js core
 * passes it to `createUser` (adapters may keep or replace that id).
 */
export function userInput(overrides: Partial<AdapterUser> = {}): AdapterUser {
  return {
    id: randomUUID(),
    email: `user-${randomUUID()}@example.com`,
    emailVerified: new Date('2024-05-06T07:08:09.123Z'),
    name: 'Ada Lovelace',
    image: 'https://example.com/ada.png',
    ...overrides,
  }
}

/** An OAuth account of `userId` with the token fields a real provider returns. */
export function accountInput(userId: string, provider = 'github'): AdapterAccount {
  return {
    userId,
    type: 'oauth',
    provider,
    providerAccountId: randomUUID(),
    access_token: `at-${randomUUID()}`,
    refresh_token: `rt-${randomUUID()}`,
    expires_at: 1_900_000_000,
    token_type: 'bearer',
    scope: 'read:user user:email',
    id_token: 'eyJhbGciOiJub25lIn0.e30.',
    session_state: 'state-1',
  }
}

/** A session of `userId` expiring in 30 days. */
export function sessionInput(userId: string, expires = inDays(30)): AdapterSession {
  return { sessionToken: `st-${randomUUID()}`, userId, expires }
}

/** A verification token for a fresh email address, expiring in one day. */
export function verificationTokenInput(expires = inDays(1)): VerificationToken {
  return { identifier: `vt-${randomUUID()}@example.com`, token: `tk-${randomUUID()}`, expires }
}

/** A WebAuthn authenticator (passkey) of `userId`. */
export function authenticatorInput(userId: string): AdapterAuthenticator {
  const credentialID = Buffer.from(randomUUID()).toString('base64url')
  return {
    userId,
    credentialID,
    providerAccountId: credentialID,
    credentialPublicKey: Buffer.from(`public-key-${credentialID}`).toString('base64'),
    counter: 0,
    credentialDeviceType: 'multiDevice',
    credentialBackedUp: true,
    transports: 'internal,hybrid',
  }
}
