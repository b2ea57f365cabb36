import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ConsumerProject, createConsumerProject, ISOLATION_FILES } from './consumer-project.js'

// Every test of test/fixtures/vitest-project; each run must pass exactly these, plus the
// isolation file's test once per copy (each copy runs its test 20 times: repeats 19).
const FIXTURE_TESTS = [
  'injects the emulator as authDynamo',
  'serves the seeded Auth.js table at the injected endpoint',
  'runs in the pool the run was started with',
  'does not load the emulator (dynalite, express) into the test worker',
  'gives the file a fresh, empty Auth.js table of its own on the shared emulator',
  'writes and reads through the ready document client, also through the GSI',
  'keeps tables apart: what one file writes, another table does not see',
  'takes the adapter key names and drops the table on dispose',
  'expires a session item once the clock passes its expires and a sweep runs',
  'moves the clock with set and advance, and reads it back with now',
  // peers (issue 11)
  "injects faults into this file's requests with fileNamespace().faults",
].sort()

const ISOLATION_TEST = 'advances, sweeps and sees only its own items expire'

// The eight parallel isolation files run on the current vitest; vitest 3 runs the rest.
describe.each([
  { vitestPackage: 'vitest', major: '4', isolationFiles: ISOLATION_FILES },
  { vitestPackage: 'vitest3', major: '3', isolationFiles: 0 },
])(
  'a project on vitest $major with the built globalSetup and helpers',
  ({ vitestPackage, major, isolationFiles }) => {
    let project: ConsumerProject
    const expected = [
      ...FIXTURE_TESTS,
      ...Array.from({ length: isolationFiles }, () => ISOLATION_TEST),
    ].sort()

    beforeAll(async () => {
      project = await createConsumerProject(vitestPackage, { isolationFiles })
    })

    afterAll(async () => {
      await project?.remove()
    })

    it('runs the vitest major it claims', () => {
      expect(project.vitestVersion.split('.')[0]).toBe(major)
    })

    it.each(['threads', 'forks'] as const)(
      'passes all its tests in the %s pool',
      async (pool) => {
        const run = await project.run(pool)
        const results = run.report.testResults.flatMap((file) => file.assertionResults)
        const failed = results
          .filter((result) => result.status !== 'passed')
          .map(({ title, failureMessages }) => `${title}: ${failureMessages?.[0]?.slice(0, 400)}`)
        expect(failed, run.output).toEqual([])
        expect(results.map((result) => result.title).sort()).toEqual(expected)
        expect(run.report.numPassedTests).toBe(expected.length)
        expect(run.exitCode).toBe(0)
        expect(run.output).not.toContain('NodeVersionSupportWarning')
      },
      150_000,
    )
  },
)
