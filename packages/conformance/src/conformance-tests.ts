import type { Capability } from './capabilities.js'
import type { ConformanceCase } from './case-context.js'
import { accountCases } from './cases/accounts.js'
import { authenticatorCases } from './cases/authenticators.js'
import { deleteUserCases } from './cases/delete-user.js'
import { expiryCases } from './cases/expiry.js'
import { sessionCases } from './cases/sessions.js'
import { userFieldCases } from './cases/user-fields.js'
import { userCases } from './cases/users.js'
import { verificationTokenCases } from './cases/verification-tokens.js'

/** The suite's areas, in the order they run; each becomes a `describe` block. */
export const conformanceAreas = [
  { title: 'users', cases: userCases },
  { title: 'user fields', cases: userFieldCases },
  { title: 'accounts', cases: accountCases },
  { title: 'sessions', cases: sessionCases },
  { title: 'verification tokens', cases: verificationTokenCases },
  { title: 'expiry', cases: expiryCases },
  { title: 'deleteUser', cases: deleteUserCases },
  { title: 'authenticators', cases: authenticatorCases },
] as const satisfies ReadonlyArray<{ title: string; cases: Record<string, ConformanceCase> }>

/**
 * The id of one conformance test: its exact test name. A typed union, so a typo in
 * `expectedFailures` is a compile error.
 */
export type ConformanceTestId = IdsOf<(typeof conformanceAreas)[number]>

type IdsOf<Area> = Area extends { cases: infer Cases } ? keyof Cases & string : never

/** One conformance test as data: its id, its area and the capabilities it needs. */
export interface ConformanceTestInfo {
  /** The test's id, which is also its name in the test report. */
  readonly id: ConformanceTestId
  /** The `describe` block it runs in. */
  readonly area: string
  /** Capabilities it needs; if any is off, it is skipped and reported. */
  readonly requires: readonly Capability[]
}

/** Every conformance test, in run order. */
export const conformanceTests: readonly ConformanceTestInfo[] = conformanceAreas.flatMap(
  ({ title, cases }) =>
    Object.entries(cases).map(([id, { requires }]) => ({
      id: id as ConformanceTestId,
      area: title,
      requires,
    })),
)

/** Every conformance test id, in run order. */
export const conformanceTestIds: readonly ConformanceTestId[] = conformanceTests.map(({ id }) => id)
