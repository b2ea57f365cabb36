import { randomUUID } from 'node:crypto'
import type { Adapter, AdapterUser } from '@auth/core/adapters'
import { MemoryAdapterError } from './memory-adapter-error.js'
import { MemoryStore } from './memory-store.js'

/** Every Auth.js adapter method, none optional. */
export type CompleteAdapter = Required<Adapter>

/** A copy of `record` without its `undefined` fields, as a database would store it. */
function stored<T extends object>(record: T): T {
  const copy = structuredClone(record)
  for (const [key, value] of Object.entries(copy)) {
    if (value === undefined) delete (copy as Record<string, unknown>)[key]
  }
  return copy
}

/** A copy of `record` for a caller, or `null`. */
function out<T>(record: T | undefined): T | null {
  return record === undefined ? null : structuredClone(record)
}

function hasExpired(record: { expires: Date }): boolean {
  return record.expires.getTime() <= Date.now()
}

/**
 * The in-memory reference adapter: all 19 Auth.js adapter methods over a {@link MemoryStore},
 * written to pass the whole conformance suite with every capability on. Expired sessions and
 * tokens read as missing; deleteUser removes everything of the user; undefined fields are
 * skipped and null is stored as null; a verification token is used exactly once even under
 * concurrent calls (the read and the delete happen with no await between them).
 *
 * @param store - where the records live; a new, empty {@link MemoryStore} when omitted
 * @throws {@link MemoryAdapterError} from the returned methods: `MEMORY_USER_EXISTS` and
 *   `MEMORY_EMAIL_TAKEN` from createUser, `MEMORY_USER_NOT_FOUND` and `MEMORY_EMAIL_TAKEN` from
 *   updateUser, `MEMORY_AUTHENTICATOR_EXISTS` from createAuthenticator,
 *   `MEMORY_AUTHENTICATOR_NOT_FOUND` from updateAuthenticatorCounter
 */
export function MemoryAdapter(store: MemoryStore = new MemoryStore()): CompleteAdapter {
  const claimEmail = (method: string, email: string, userId: string) => {
    const owner = store.userIdsByEmail.get(email)
    if (owner !== undefined && owner !== userId) {
      throw new MemoryAdapterError(
        'MEMORY_EMAIL_TAKEN',
        `${method}: the email ${email} belongs to user ${owner}; emails are unique`,
      )
    }
  }

  return {
    async createUser(user) {
      const record = stored({ ...user, id: user.id || randomUUID() })
      if (store.users.has(record.id)) {
        throw new MemoryAdapterError(
          'MEMORY_USER_EXISTS',
          `createUser: a user with id ${record.id} exists; pass another id or none`,
        )
      }
      claimEmail('createUser', record.email, record.id)
      store.users.set(record.id, record)
      store.userIdsByEmail.set(record.email, record.id)
      return structuredClone(record)
    },

    async getUser(id) {
      return out(store.users.get(id))
    },

    async getUserByEmail(email) {
      const id = store.userIdsByEmail.get(email)
      return id === undefined ? null : out(store.users.get(id))
    },

    async getUserByAccount({ provider, providerAccountId }) {
      const account = store.accounts.get(MemoryStore.accountKey(provider, providerAccountId))
      return account ? out(store.users.get(account.userId)) : null
    },

    async updateUser(changes) {
      const existing = store.users.get(changes.id)
      if (!existing) {
        throw new MemoryAdapterError(
          'MEMORY_USER_NOT_FOUND',
          `updateUser: no user with id ${changes.id}; create it with createUser first`,
        )
      }
      const updated: AdapterUser = { ...existing, ...stored(changes) }
      if (updated.email !== existing.email) {
        claimEmail('updateUser', updated.email, updated.id)
        store.userIdsByEmail.delete(existing.email)
        store.userIdsByEmail.set(updated.email, updated.id)
      }
      store.users.set(updated.id, updated)
      return structuredClone(updated)
    },

    async deleteUser(userId) {
      const user = store.users.get(userId)
      if (!user) return null
      store.users.delete(userId)
      store.userIdsByEmail.delete(user.email)
      for (const map of [store.accounts, store.sessions, store.authenticators]) {
        for (const [key, record] of map) if (record.userId === userId) map.delete(key)
      }
      return user
    },

    async linkAccount(account) {
      const record = stored(account)
      store.accounts.set(MemoryStore.accountKey(record.provider, record.providerAccountId), record)
      return structuredClone(record)
    },

    async unlinkAccount({ provider, providerAccountId }) {
      const key = MemoryStore.accountKey(provider, providerAccountId)
      const account = store.accounts.get(key)
      store.accounts.delete(key)
      return account
    },

    async createSession(session) {
      const record = stored(session)
      store.sessions.set(record.sessionToken, record)
      return structuredClone(record)
    },

    async getSessionAndUser(sessionToken) {
      const session = store.sessions.get(sessionToken)
      if (!session || hasExpired(session)) return null
      const user = store.users.get(session.userId)
      return user ? { session: structuredClone(session), user: structuredClone(user) } : null
    },

    async updateSession(changes) {
      const existing = store.sessions.get(changes.sessionToken)
      if (!existing) return null
      const updated = { ...existing, ...stored(changes) }
      store.sessions.set(updated.sessionToken, updated)
      return structuredClone(updated)
    },

    async deleteSession(sessionToken) {
      const session = store.sessions.get(sessionToken)
      store.sessions.delete(sessionToken)
      return out(session)
    },

    async createVerificationToken(verificationToken) {
      const record = stored(verificationToken)
      store.verificationTokens.set(MemoryStore.tokenKey(record.identifier, record.token), record)
      return structuredClone(record)
    },

    async useVerificationToken({ identifier, token }) {
      const key = MemoryStore.tokenKey(identifier, token)
      const record = store.verificationTokens.get(key)
      store.verificationTokens.delete(key)
      return record && !hasExpired(record) ? record : null
    },

    async getAccount(providerAccountId, provider) {
      return out(store.accounts.get(MemoryStore.accountKey(provider, providerAccountId)))
    },

    async createAuthenticator(authenticator) {
      if (store.authenticators.has(authenticator.credentialID)) {
        throw new MemoryAdapterError(
          'MEMORY_AUTHENTICATOR_EXISTS',
          `createAuthenticator: credential ${authenticator.credentialID} is registered already`,
        )
      }
      const record = stored(authenticator)
      store.authenticators.set(record.credentialID, record)
      return structuredClone(record)
    },

    async getAuthenticator(credentialID) {
      return out(store.authenticators.get(credentialID))
    },

    async listAuthenticatorsByUserId(userId) {
      return [...store.authenticators.values()]
        .filter((authenticator) => authenticator.userId === userId)
        .map((authenticator) => structuredClone(authenticator))
    },

    async updateAuthenticatorCounter(credentialID, counter) {
      const existing = store.authenticators.get(credentialID)
      if (!existing) {
        throw new MemoryAdapterError(
          'MEMORY_AUTHENTICATOR_NOT_FOUND',
          `updateAuthenticatorCounter: no authenticator with credential id ${credentialID}`,
        )
      }
      const updated = { ...existing, counter }
      store.authenticators.set(credentialID, updated)
      return structuredClone(updated)
    },
  }
}
