import type { Adapter } from '@auth/core/adapters'
import { z } from 'zod'
import { type Capabilities, capabilityNames } from './capabilities.js'
import type { ConformanceClock } from './clock.js'
import { type ConformanceTestId, conformanceTestIds } from './conformance-tests.js'
import { ConformanceError, type ConformanceErrorCode } from './errors.js'
import type { ConformanceFixtures } from './fixtures.js'
import type { Awaitable, ConformanceProbes } from './probes.js'
import type { ConformanceReport } from './report.js'

/**
 * Tests expected to fail, each with the reason (an upstream bug, a missing feature). Keys are
 * checked at compile time against {@link ConformanceTestId}, and again at run time: an unknown
 * id or an empty reason fails the run.
 */
export type ExpectedFailures = Partial<Record<ConformanceTestId, string>>

/** The options of {@link runAdapterConformance}. */
export interface ConformanceOptions {
  /** Names the suite's top-level `describe` block and its report, e.g. `'MyAdapter on Postgres'`. */
  name: string
  /**
   * Makes the adapter under test. Called once per test; return a cached instance if making one
   * is costly. Every test creates its own records, so one adapter over one store is fine.
   */
  adapter: () => Awaitable<Adapter>
  /** Readers of the backend, around the adapter. */
  probes: ConformanceProbes
  /**
   * The features the adapter claims. Each capability not named is on; turn one off to skip the
   * tests that need it (each skip is reported by name).
   *
   * @defaultValue every capability on
   */
  capabilities?: Partial<Capabilities>
  /**
   * Tests that are known to fail, with the reason. Each runs with vitest's `test.fails`: it
   * passes while it fails, and fails (and is reported) once it passes.
   *
   * @defaultValue `{}`
   */
  expectedFailures?: ExpectedFailures
  /** Overrides for the records the suite creates. */
  fixtures?: ConformanceFixtures
  /** Makes time pass for the backend; needed by the `expiryDeletion` tests. */
  clock?: ConformanceClock
  /** Runs once before the suite's tests (`beforeAll`), e.g. to create a table. */
  setup?: () => Awaitable<void>
  /** Runs once after the suite's tests (`afterAll`), e.g. to drop a table or close a client. */
  teardown?: () => Awaitable<void>
  /**
   * Per-test timeout in milliseconds.
   *
   * @defaultValue vitest's `testTimeout`
   */
  timeout?: number
  /**
   * Receives the report at the end of the run, after it is printed; e.g. to write a results
   * table.
   */
  onReport?: (report: ConformanceReport) => Awaitable<void>
}

const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', {
    message: `${what} must be a function`,
  })

const optionsSchema = z.object({
  name: z.string().trim().min(1, 'name must be a non-empty string naming the adapter under test'),
  adapter: fn('adapter (a factory returning the adapter under test)'),
  probes: z.object(
    {
      user: fn('probes.user'),
      account: fn('probes.account'),
      session: fn('probes.session'),
      verificationToken: fn('probes.verificationToken').optional(),
      authenticator: fn('probes.authenticator').optional(),
    },
    { error: 'probes must be an object of functions that read the backend directly' },
  ),
  capabilities: z.record(z.string(), z.boolean()).optional(),
  expectedFailures: z.record(z.string(), z.string()).optional(),
  fixtures: z
    .object({
      id: fn('fixtures.id').optional(),
      user: fn('fixtures.user').optional(),
      account: fn('fixtures.account').optional(),
      session: fn('fixtures.session').optional(),
      verificationToken: fn('fixtures.verificationToken').optional(),
      authenticator: fn('fixtures.authenticator').optional(),
      customUserFields: fn('fixtures.customUserFields').optional(),
    })
    .optional(),
  clock: z.object({ advance: fn('clock.advance') }).optional(),
  setup: fn('setup').optional(),
  teardown: fn('teardown').optional(),
  timeout: z.number().int().positive().optional(),
  onReport: fn('onReport').optional(),
})

/**
 * Checks the shape of the options.
 *
 * @param options - what the caller passed
 * @throws {@link ConformanceError} `CONFORMANCE_INVALID_OPTIONS` naming every field that is wrong
 */
export function assertOptionsShape(options: unknown): asserts options is ConformanceOptions {
  const result = optionsSchema.safeParse(options)
  if (result.success) return
  const issues = result.error.issues.map(
    (issue) => `${issue.path.join('.') || '(options)'}: ${issue.message}`,
  )
  throw new ConformanceError(
    'CONFORMANCE_INVALID_OPTIONS',
    `runAdapterConformance was given invalid options:\n  - ${issues.join('\n  - ')}`,
  )
}

/** One thing wrong in the contents of the options. */
export interface OptionProblem {
  /** The stable cause. */
  readonly code: ConformanceErrorCode
  /** What is wrong and how to fix it. */
  readonly message: string
}

/**
 * Finds what is wrong in the contents of the options: unknown capability names, unknown test
 * ids and empty reasons in `expectedFailures`. These fail the run through a test, rather than
 * stopping the file, so the rest of the report is still there.
 *
 * @param options - options whose shape is valid
 * @returns one entry per problem, naming it and how to fix it; empty when there are none
 */
export function findOptionProblems(options: ConformanceOptions): OptionProblem[] {
  const problems: OptionProblem[] = []
  const knownCapabilities = new Set<string>(capabilityNames)
  for (const name of Object.keys(options.capabilities ?? {})) {
    if (!knownCapabilities.has(name)) {
      problems.push({
        code: 'CONFORMANCE_INVALID_OPTIONS',
        message: `capabilities.${name} is not a capability of this suite; known: ${capabilityNames.join(', ')}`,
      })
    }
  }
  const knownIds = new Set<string>(conformanceTestIds)
  for (const [id, reason] of Object.entries(options.expectedFailures ?? {})) {
    if (!knownIds.has(id)) {
      const closest = closestTestId(id)
      problems.push({
        code: 'CONFORMANCE_UNKNOWN_TEST_ID',
        message: `expectedFailures names unknown test id "${id}"${closest ? `; did you mean "${closest}"?` : ''}`,
      })
    } else if (typeof reason !== 'string' || reason.trim() === '') {
      problems.push({
        code: 'CONFORMANCE_INVALID_OPTIONS',
        message: `expectedFailures["${id}"] needs a non-empty reason saying why the test is expected to fail`,
      })
    }
  }
  return problems
}

function closestTestId(unknown: string): string | undefined {
  let best: { id: string; distance: number } | undefined
  for (const id of conformanceTestIds) {
    const distance = editDistance(unknown.toLowerCase(), id.toLowerCase())
    if (!best || distance < best.distance) best = { id, distance }
  }
  return best && best.distance <= Math.max(3, Math.floor(unknown.length / 3)) ? best.id : undefined
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
