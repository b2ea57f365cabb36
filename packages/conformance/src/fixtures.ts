import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type {
  AdapterAccount,
  AdapterAuthenticator,
  AdapterSession,
  AdapterUser,
  VerificationToken,
} from '@auth/core/adapters'

/**
 * Overrides for the records the suite creates. Each override receives a fresh default record
 * (unique ids, emails and tokens already filled in) and returns the record to use; it is called
 * anew for every record, so return a new object each time (spreading the defaults keeps them
 * unique). The suite never mutates what an override returns, and hands the adapter a copy.
 * Tests then set the fields they are about (an expired `expires`, a new email) on their own
 * copy.
 */
export interface ConformanceFixtures {
  /**
   * Makes the unique ids the default records use (user ids, tokens, provider account ids).
   *
   * @defaultValue `crypto.randomUUID`
   */
  id?: () => string
  /** Shapes each user; the default has every Auth.js user field set. */
  user?: (defaults: AdapterUser) => AdapterUser
  /** Shapes each account; the default is an OAuth account with every token field set. */
  account?: (defaults: AdapterAccount) => AdapterAccount
  /** Shapes each session; the default expires in 7 days, on a whole second. */
  session?: (defaults: AdapterSession) => AdapterSession
  /** Shapes each verification token; the default expires in 15 minutes, on a whole second. */
  verificationToken?: (defaults: VerificationToken) => VerificationToken
  /** Shapes each authenticator; the default has every field set and a counter of 0. */
  authenticator?: (defaults: AdapterAuthenticator) => AdapterAuthenticator
  /**
   * The extra user fields the `customUserFields` test stores.
   *
   * @defaultValue `{ role: 'admin', phone: '00000000000', loginCount: 3, beta: true }`
   */
  customUserFields?: () => Record<string, unknown>
}

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/**
 * A date `ms` milliseconds from now, rounded down to a whole second: backends that keep expiry
 * as a TTL (epoch seconds) cannot hold more precision, and the suite compares dates exactly.
 *
 * @param ms - the offset from now; negative for the past
 */
export function wholeSecondsFromNow(ms: number): Date {
  return new Date(Math.floor((Date.now() + ms) / 1000) * 1000)
}

/** Builds the fresh records of one test from the defaults and the caller's overrides. */
export class FixtureFactory {
  readonly #overrides: ConformanceFixtures

  /** @param overrides - the caller's `fixtures` option */
  constructor(overrides: ConformanceFixtures = {}) {
    this.#overrides = overrides
  }

  /** A new unique id. */
  id(): string {
    return this.#overrides.id?.() ?? randomUUID()
  }

  /** A new unique email address. */
  email(): string {
    return `user-${randomUUID()}@example.com`
  }

  /** A fresh user. */
  user(): AdapterUser {
    const id = this.id()
    const defaults: AdapterUser = {
      id,
      email: this.email(),
      name: 'Fill Murray',
      image: `https://example.com/avatars/${encodeURIComponent(id)}.png`,
      emailVerified: wholeSecondsFromNow(-DAY),
    }
    return this.#overrides.user?.(defaults) ?? defaults
  }

  /**
   * A fresh OAuth account.
   *
   * @param userId - the user it belongs to
   */
  account(userId: string): AdapterAccount {
    const defaults: AdapterAccount = {
      userId,
      type: 'oauth',
      provider: 'github',
      providerAccountId: this.id(),
      access_token: this.id(),
      refresh_token: this.id(),
      id_token: this.id(),
      expires_at: Math.floor(Date.now() / 1000) + 3600,
      token_type: 'bearer',
      scope: 'read:user user:email',
      session_state: this.id(),
    }
    return this.#overrides.account?.(defaults) ?? defaults
  }

  /**
   * A fresh session that expires in 7 days.
   *
   * @param userId - the user it belongs to
   */
  session(userId: string): AdapterSession {
    const defaults: AdapterSession = {
      sessionToken: this.id(),
      userId,
      expires: wholeSecondsFromNow(7 * DAY),
    }
    return this.#overrides.session?.(defaults) ?? defaults
  }

  /** A fresh verification token (hashed, as Auth.js stores it) that expires in 15 minutes. */
  verificationToken(): VerificationToken {
    const defaults: VerificationToken = {
      identifier: this.email(),
      token: createHash('sha256').update(this.id()).digest('hex'),
      expires: wholeSecondsFromNow(15 * MINUTE),
    }
    return this.#overrides.verificationToken?.(defaults) ?? defaults
  }

  /**
   * A fresh authenticator with a counter of 0 (a value careless code treats as missing).
   *
   * @param userId - the user it belongs to
   */
  authenticator(userId: string): AdapterAuthenticator {
    const credentialID = randomBytes(16).toString('base64url')
    const defaults: AdapterAuthenticator = {
      credentialID,
      userId,
      providerAccountId: credentialID,
      credentialPublicKey: randomBytes(32).toString('base64'),
      counter: 0,
      credentialDeviceType: 'multiDevice',
      credentialBackedUp: true,
      transports: 'internal,hybrid',
    }
    return this.#overrides.authenticator?.(defaults) ?? defaults
  }

  /** Fresh extra user fields for the `customUserFields` test. */
  customUserFields(): Record<string, unknown> {
    return (
      this.#overrides.customUserFields?.() ?? {
        role: 'admin',
        phone: '00000000000',
        loginCount: 3,
        beta: true,
      }
    )
  }
}
