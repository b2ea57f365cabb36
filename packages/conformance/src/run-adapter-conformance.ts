import { afterAll, beforeAll, describe, test } from 'vitest'
import { resolveCapabilities } from './capabilities.js'
import { CaseContext, type ConformanceCase } from './case-context.js'
import { type ConformanceTestId, conformanceAreas } from './conformance-tests.js'
import { ConformanceError } from './errors.js'
import { FixtureFactory } from './fixtures.js'
import { assertOptionsShape, type ConformanceOptions, findOptionProblems } from './options.js'
import { describeError, formatReport, ReportRecorder } from './report.js'

/**
 * The name of the test that fails when the options name unknown test ids or capabilities, or
 * give an empty reason; it is registered only then.
 */
export const optionsTestName = 'conformance options are valid'

/** The part of vitest's test context the suite uses; `annotate` exists from vitest 3.2. */
interface TestContextLike {
  annotate?: (message: string, type?: string) => unknown
}

/**
 * Registers the conformance suite for one Auth.js adapter as vitest `describe`/`test` blocks.
 * Call it at the top level of a test file. Each test makes its own adapter (from the factory)
 * and its own records; none relies on another, and the caller's objects are never mutated.
 * At the end of the run a report lists every skip, expected failure and unexpected pass by
 * name.
 *
 * @param options - the adapter factory, the probes, the capabilities and expected failures
 * @throws {@link ConformanceError} `CONFORMANCE_INVALID_OPTIONS` when the options have the wrong
 *   shape (a missing name, factory or probe). Unknown test ids, unknown capabilities and empty
 *   reasons do not throw: they fail the test named {@link optionsTestName}.
 */
export function runAdapterConformance(options: ConformanceOptions): void {
  assertOptionsShape(options)
  const capabilities = resolveCapabilities(options.capabilities)
  const expectedFailures: Partial<Record<string, string>> = options.expectedFailures ?? {}
  const problems = findOptionProblems(options)
  const recorder = new ReportRecorder(
    options.name,
    problems.map(({ message }) => message),
  )
  const fixtures = new FixtureFactory(options.fixtures)
  const newContext = async () =>
    new CaseContext(await options.adapter(), options.probes, fixtures, options.clock)

  const register = (id: ConformanceTestId, conformanceCase: ConformanceCase) => {
    const reason = expectedFailures[id]
    const missing = conformanceCase.requires.filter((capability) => !capabilities[capability])
    if (missing.length > 0) {
      recorder.record({
        id,
        status: 'skipped',
        missing,
        ...(reason === undefined ? {} : { expectedFailure: reason }),
      })
      test.skip(id, () => {})
      return
    }
    if (reason === undefined) {
      test(
        id,
        async () => {
          try {
            await conformanceCase.run(await newContext())
          } catch (error) {
            recorder.record({ id, status: 'failed', error: describeError(error) })
            throw error
          }
          recorder.record({ id, status: 'passed' })
        },
        options.timeout,
      )
      return
    }
    test.fails(
      id,
      async (context: TestContextLike) => {
        try {
          await conformanceCase.run(await newContext())
        } catch (error) {
          recorder.record({ id, status: 'expected-failure', reason, error: describeError(error) })
          throw error
        }
        recorder.record({ id, status: 'unexpected-pass', reason })
        await context.annotate?.(
          `"${id}" passed, but expectedFailures lists it (${reason}): remove that entry`,
          'error',
        )
      },
      options.timeout,
    )
  }

  describe(options.name, () => {
    const { setup, teardown, onReport } = options
    if (setup) beforeAll(() => setup())
    afterAll(async () => {
      try {
        const report = recorder.report()
        console.log(formatReport(report))
        await onReport?.(report)
      } finally {
        await teardown?.()
      }
    })
    if (problems.length > 0) {
      test(optionsTestName, () => {
        const code = problems.some(({ code }) => code === 'CONFORMANCE_UNKNOWN_TEST_ID')
          ? 'CONFORMANCE_UNKNOWN_TEST_ID'
          : 'CONFORMANCE_INVALID_OPTIONS'
        throw new ConformanceError(
          code,
          `runAdapterConformance("${options.name}"):\n  - ${problems.map(({ message }) => message).join('\n  - ')}`,
        )
      })
    }
    for (const { title, cases } of conformanceAreas) {
      describe(title, () => {
        for (const [id, conformanceCase] of Object.entries(cases)) {
          register(id as ConformanceTestId, conformanceCase)
        }
      })
    }
  })
}
