import type {
  AdapterAccount,
  AdapterAuthenticator,
  AdapterUser,
  VerificationToken,
} from '@auth/core/adapters'

const DAY = 24 * 60 * 60 * 1000

/** A date `ms` from now, on a whole second (as stored `expires` values are). */
export function inWholeSeconds(ms: number): Date {
  return new Date(Math.floor((Date.now() + ms) / 1000) * 1000)
}

/** A new user with unique id and email. */
export function newUser(overrides: Partial<AdapterUser> = {}): AdapterUser {
  const id = crypto.randomUUID()
  return {
    id,
    email: `${id}@example.com`,
    emailVerified: null,
    name: 'Ada Lovelace',
    image: 'https://example.com/ada.png',
    ...overrides,
  }
}

/** An OAuth account of a user. */
export function newAccount(
  userId: string,
  overrides: Partial<AdapterAccount> = {},
): AdapterAccount {
  return {
    userId,
    type: 'oauth',
    provider: 'github',
    providerAccountId: crypto.randomUUID(),
    access_token: 'access-token',
    refresh_token: 'refresh-token',
    token_type: 'bearer',
    scope: 'read:user',
    expires_at: Math.floor(Date.now() / 1000) + 3600,
    ...overrides,
  }
}

/** A session that expires in a day. */
export function newSession(userId: string, expires = inWholeSeconds(DAY)) {
  return { sessionToken: crypto.randomUUID(), userId, expires }
}

/** A verification token that expires in a day. */
export function newVerificationToken(
  identifier: string,
  expires = inWholeSeconds(DAY),
): VerificationToken {
  return { identifier, token: crypto.randomUUID(), expires }
}

/** A WebAuthn authenticator of a user. */
export function newAuthenticator(
  userId: string,
  overrides: Partial<AdapterAuthenticator> = {},
): AdapterAuthenticator {
  return {
    userId,
    credentialID: crypto.randomUUID(),
    providerAccountId: crypto.randomUUID(),
    credentialPublicKey: 'pQECAyYgASFYIJq0',
    counter: 0,
    credentialDeviceType: 'singleDevice',
    credentialBackedUp: false,
    transports: 'internal',
    ...overrides,
  }
}

export { DAY }
