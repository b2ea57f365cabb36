import type {
  AdapterAccount,
  AdapterAuthenticator,
  AdapterSession,
  AdapterUser,
  VerificationToken,
} from '@auth/core/adapters'

/** A value or a promise of it. */
export type Awaitable<T> = T | PromiseLike<T>

/**
 * Readers that go to the backend directly, around the adapter, so the suite checks what was
 * stored and not only what the adapter returned. Each returns the stored record in the Auth.js
 * model shape (storage attributes removed, dates as `Date`), or `null` when nothing is stored.
 * A probe must not filter out expired records: it reports what the backend holds.
 */
export interface ConformanceProbes {
  /** The stored user with this id, or `null`. */
  user(id: string): Awaitable<AdapterUser | null>
  /** The stored account for this provider and provider account id, or `null`. */
  account(
    params: Pick<AdapterAccount, 'provider' | 'providerAccountId'>,
  ): Awaitable<AdapterAccount | null>
  /** The stored session with this token, or `null`. */
  session(sessionToken: string): Awaitable<AdapterSession | null>
  /**
   * The stored verification token, or `null`. Needed when the `verificationTokens` capability
   * is on.
   */
  verificationToken?(params: {
    identifier: string
    token: string
  }): Awaitable<VerificationToken | null>
  /** The stored authenticator, or `null`. Needed when the `webauthn` capability is on. */
  authenticator?(credentialID: string): Awaitable<AdapterAuthenticator | null>
}
