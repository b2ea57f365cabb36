import type {
  AdapterAccount,
  AdapterAuthenticator,
  AdapterSession,
  AdapterUser,
  VerificationToken,
} from '@auth/core/adapters'

/**
 * The records of the in-memory reference adapter, in plain maps, with a storage clock that
 * deletes expired sessions and verification tokens as it advances (as a TTL would). Records are
 * copied on the way in and out, so no caller holds a reference into the store. The maps are
 * public for tests that seed or inspect the raw data.
 */
export class MemoryStore {
  /** Users by id. */
  readonly users = new Map<string, AdapterUser>()
  /** User ids by email: the lookup index, kept in step with `users`. */
  readonly userIdsByEmail = new Map<string, string>()
  /** Accounts by {@link MemoryStore.accountKey}. */
  readonly accounts = new Map<string, AdapterAccount>()
  /** Sessions by session token. */
  readonly sessions = new Map<string, AdapterSession>()
  /** Verification tokens by {@link MemoryStore.tokenKey}. */
  readonly verificationTokens = new Map<string, VerificationToken>()
  /** Authenticators by credential id. */
  readonly authenticators = new Map<string, AdapterAuthenticator>()
  #aheadMs = 0

  /**
   * The key of an account in {@link MemoryStore.accounts}.
   *
   * @param provider - the provider id
   * @param providerAccountId - the account's id at the provider
   */
  static accountKey(provider: string, providerAccountId: string): string {
    return JSON.stringify([provider, providerAccountId])
  }

  /**
   * The key of a verification token in {@link MemoryStore.verificationTokens}.
   *
   * @param identifier - the token's identifier (an email)
   * @param token - the hashed token
   */
  static tokenKey(identifier: string, token: string): string {
    return JSON.stringify([identifier, token])
  }

  /** The storage clock's now: the real time plus every {@link MemoryStore.advance}. */
  now(): number {
    return Date.now() + this.#aheadMs
  }

  /**
   * Moves the storage clock forward, then deletes what has expired by it.
   *
   * @param ms - how far to move, in milliseconds
   * @returns how many records were deleted
   */
  advance(ms: number): { deleted: number } {
    this.#aheadMs += ms
    return this.sweep()
  }

  /**
   * Deletes every session and verification token whose `expires` is at or before the storage
   * clock's now.
   *
   * @returns how many records were deleted
   */
  sweep(): { deleted: number } {
    const now = this.now()
    let deleted = 0
    for (const map of [this.sessions, this.verificationTokens]) {
      for (const [key, record] of map) {
        if (record.expires.getTime() <= now) {
          map.delete(key)
          deleted++
        }
      }
    }
    return { deleted }
  }
}
