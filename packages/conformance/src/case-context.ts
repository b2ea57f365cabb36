import type {
  Adapter,
  AdapterAccount,
  AdapterAuthenticator,
  AdapterSession,
  AdapterUser,
  VerificationToken,
} from '@auth/core/adapters'
import type { Capability } from './capabilities.js'
import type { ConformanceClock } from './clock.js'
import { ConformanceError } from './errors.js'
import type { FixtureFactory } from './fixtures.js'
import type { ConformanceProbes } from './probes.js'

/** The name of an Auth.js adapter method. */
export type AdapterMethodName = keyof Adapter

/** The capability that gates each optional adapter method; absent means Auth.js requires it. */
const gatingCapability: Partial<Record<AdapterMethodName, Capability>> = {
  createVerificationToken: 'verificationTokens',
  useVerificationToken: 'verificationTokens',
  getAccount: 'getAccount',
  unlinkAccount: 'unlinkAccount',
  deleteUser: 'deleteUser',
  createAuthenticator: 'webauthn',
  getAuthenticator: 'webauthn',
  listAuthenticatorsByUserId: 'webauthn',
  updateAuthenticatorCounter: 'webauthn',
}

const gatingCapabilityOfProbe = {
  verificationToken: 'verificationTokens',
  authenticator: 'webauthn',
} as const satisfies Partial<Record<keyof ConformanceProbes, Capability>>

/**
 * What one conformance test works with: a fresh adapter from the caller's factory, the probes,
 * fresh fixtures, and steps that hand the adapter copies so no caller object is ever touched.
 */
export class CaseContext {
  /** The adapter under test, fresh from the caller's factory. */
  readonly adapter: Adapter
  /** The caller's probes. */
  readonly probes: ConformanceProbes
  /** Fresh records for this test. */
  readonly fixtures: FixtureFactory
  readonly #clock: ConformanceClock | undefined

  /**
   * @param adapter - the adapter under test
   * @param probes - readers of the backend
   * @param fixtures - the record factory
   * @param clock - the backend clock, when the caller gave one
   */
  constructor(
    adapter: Adapter,
    probes: ConformanceProbes,
    fixtures: FixtureFactory,
    clock: ConformanceClock | undefined,
  ) {
    this.adapter = adapter
    this.probes = probes
    this.fixtures = fixtures
    this.#clock = clock
  }

  /**
   * The adapter method, bound to the adapter.
   *
   * @throws {@link ConformanceError} `CONFORMANCE_ADAPTER_METHOD_MISSING` when the adapter lacks it
   */
  method<K extends AdapterMethodName>(name: K): NonNullable<Adapter[K]> {
    const method = this.adapter[name]
    if (typeof method !== 'function') {
      const capability = gatingCapability[name]
      const fix = capability
        ? `Implement it, or set capabilities.${capability} to false so the tests that need it are skipped (and reported as skipped).`
        : 'Auth.js requires it of every database adapter.'
      throw new ConformanceError(
        'CONFORMANCE_ADAPTER_METHOD_MISSING',
        `adapter.${name} is missing. ${fix}`,
      )
    }
    return (method as (...args: unknown[]) => unknown).bind(this.adapter) as NonNullable<Adapter[K]>
  }

  /**
   * An optional probe.
   *
   * @throws {@link ConformanceError} `CONFORMANCE_PROBE_MISSING` when the caller did not give it
   */
  probe<K extends keyof typeof gatingCapabilityOfProbe>(
    name: K,
  ): NonNullable<ConformanceProbes[K]> {
    const probe = this.probes[name]
    if (typeof probe !== 'function') {
      throw new ConformanceError(
        'CONFORMANCE_PROBE_MISSING',
        `probes.${name} is missing. Give a probe that reads the stored ${name} directly from the backend, or set capabilities.${gatingCapabilityOfProbe[name]} to false.`,
      )
    }
    return probe.bind(this.probes) as NonNullable<ConformanceProbes[K]>
  }

  /**
   * The backend clock.
   *
   * @throws {@link ConformanceError} `CONFORMANCE_CLOCK_MISSING` when the caller did not give one
   */
  clock(): ConformanceClock {
    if (!this.#clock) {
      throw new ConformanceError(
        'CONFORMANCE_CLOCK_MISSING',
        'This test needs options.clock, which makes time pass for the backend so it deletes expired records. Give one, or set capabilities.expiryDeletion to false if the backend never deletes expired records by itself.',
      )
    }
    return this.#clock
  }

  /**
   * Creates a user through the adapter (from a copy of `user`).
   *
   * @param user - the user to create; a fresh fixture when omitted
   * @returns what `createUser` returned
   */
  async createUser(user: AdapterUser = this.fixtures.user()): Promise<AdapterUser> {
    return await this.method('createUser')(structuredClone(user))
  }

  /**
   * Creates a user through the adapter and gives back the user as it should now be stored: the
   * fixture with the id the adapter assigned. Tests compare against this rather than against
   * what `createUser` returned, so one wrong return value fails one test, not all of them.
   *
   * @param user - the user to create; a fresh fixture when omitted
   * @throws when `createUser` returns no id
   */
  async addUser(user: AdapterUser = this.fixtures.user()): Promise<AdapterUser> {
    const created = await this.createUser(user)
    if (typeof created?.id !== 'string' || created.id === '') {
      throw new Error(`createUser returned ${JSON.stringify(created)}, which has no string id`)
    }
    return { ...user, id: created.id }
  }

  /**
   * Links an account through the adapter (from a copy of `account`).
   *
   * @param account - the account to link
   * @returns what `linkAccount` returned, `undefined` for nothing
   */
  async linkAccount(account: AdapterAccount): Promise<AdapterAccount | undefined> {
    return (await this.method('linkAccount')(structuredClone(account))) ?? undefined
  }

  /**
   * Creates a session through the adapter (from a copy of `session`).
   *
   * @param session - the session to create
   * @returns what `createSession` returned
   */
  async createSession(session: AdapterSession): Promise<AdapterSession> {
    return await this.method('createSession')(structuredClone(session))
  }

  /**
   * Creates a verification token through the adapter (from a copy of `token`).
   *
   * @param token - the token to create
   * @returns what `createVerificationToken` returned
   */
  async createVerificationToken(
    token: VerificationToken,
  ): Promise<VerificationToken | null | undefined> {
    return await this.method('createVerificationToken')(structuredClone(token))
  }

  /**
   * Creates an authenticator through the adapter (from a copy of `authenticator`).
   *
   * @param authenticator - the authenticator to create
   * @returns what `createAuthenticator` returned
   */
  async createAuthenticator(authenticator: AdapterAuthenticator): Promise<AdapterAuthenticator> {
    return await this.method('createAuthenticator')(structuredClone(authenticator))
  }
}

/** One conformance test: the capabilities it needs and its body. */
export interface ConformanceCase {
  /** Capabilities the test needs; if any is off, the test is skipped and reported. */
  readonly requires: readonly Capability[]
  /** The test body; it throws (an assertion error) when the adapter does not conform. */
  readonly run: (t: CaseContext) => Promise<void>
}
