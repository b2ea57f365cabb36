import type {
  AdapterAccount,
  AdapterAuthenticator,
  AdapterSession,
  AdapterUser,
  VerificationToken,
} from '@auth/core/adapters'
import type { Storage } from 'unstorage'
import type { ConformanceProbes } from '../src/index.js'

type Stored<T> = { [K in keyof T]: T[K] extends Date | null ? string | null : T[K] }

function toDate(value: string | null | undefined): Date | null | undefined {
  return typeof value === 'string' ? new Date(value) : value
}

/**
 * Probes for @auth/unstorage-adapter with its default key prefixes: they read the JSON it
 * stores and turn the fields Auth.js types as dates back into dates, nothing else.
 */
export function unstorageProbes(storage: Storage): Required<ConformanceProbes> {
  const read = <T>(key: string) => storage.getItem<Stored<T>>(key)
  return {
    async user(id) {
      const user = await read<AdapterUser>(`user:${id}`)
      return user && ({ ...user, emailVerified: toDate(user.emailVerified) } as AdapterUser)
    },
    async account({ provider, providerAccountId }) {
      return (await read<AdapterAccount>(
        `user:account:${provider}:${providerAccountId}`,
      )) as AdapterAccount | null
    },
    async session(sessionToken) {
      const session = await read<AdapterSession>(`user:session:${sessionToken}`)
      return session && ({ ...session, expires: toDate(session.expires) } as AdapterSession)
    },
    async verificationToken({ identifier, token }) {
      const stored = await read<VerificationToken>(`user:token:${identifier}:${token}`)
      return stored && ({ ...stored, expires: toDate(stored.expires) } as VerificationToken)
    },
    async authenticator(credentialID) {
      return (await read<AdapterAuthenticator>(
        `authenticator:${credentialID}`,
      )) as AdapterAuthenticator | null
    },
  }
}
