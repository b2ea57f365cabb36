import type { ConformanceProbes } from '../probes.js'
import { MemoryStore } from './memory-store.js'

function copy<T>(record: T | undefined): T | null {
  return record === undefined ? null : structuredClone(record)
}

/**
 * Conformance probes for a {@link MemoryStore}: they read its maps directly, expired records
 * included.
 *
 * @param store - the store the adapter under test writes to
 */
export function memoryProbes(store: MemoryStore): Required<ConformanceProbes> {
  return {
    user: (id) => copy(store.users.get(id)),
    account: ({ provider, providerAccountId }) =>
      copy(store.accounts.get(MemoryStore.accountKey(provider, providerAccountId))),
    session: (sessionToken) => copy(store.sessions.get(sessionToken)),
    verificationToken: ({ identifier, token }) =>
      copy(store.verificationTokens.get(MemoryStore.tokenKey(identifier, token))),
    authenticator: (credentialID) => copy(store.authenticators.get(credentialID)),
  }
}
