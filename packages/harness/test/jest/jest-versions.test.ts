import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJestProject, type JestProject } from './jest-project.js'

// Every test of test/fixtures/jest-project; each run must pass exactly these.
const FIXTURE_TESTS = [
  'hands the emulator to test files through the environment',
  'gives the file a namespace of its own with the Auth.js table',
  'runs in a jest worker that never loads the emulator',
  'gives the file a fresh Auth.js table and a document client for it',
  'truncates the table between tests',
  'keeps files apart: same table, same key, each file sees its own item and clock (a)',
  'keeps files apart: same table, same key, each file sees its own item and clock (b)',
  'expires a session item once the clock passes its expires and a sweep runs',
  'a lost response applies the write and answers with an error',
  'a partial batch leaves items unprocessed',
].sort()

describe.each([
  { jestPackage: 'jest', major: '30' },
  { jestPackage: 'jest29', major: '29' },
])(
  'a CommonJS project on jest $major with the built globalSetup and helpers',
  ({ jestPackage, major }) => {
    let project: JestProject

    beforeAll(async () => {
      project = await createJestProject(jestPackage)
    })

    afterAll(async () => {
      await project?.remove()
    })

    it('runs the jest major it claims', () => {
      expect(project.jestVersion.split('.')[0]).toBe(major)
    })

    it.each([4, 1])(
      'passes all its tests with %i worker(s)',
      async (workers) => {
        const run = await project.run(workers)
        const results = run.report.testResults.flatMap((file) => file.assertionResults)
        const failed = results.filter((result) => result.status !== 'passed')
        expect(failed, run.output).toEqual([])
        expect(results.map((result) => result.title).sort()).toEqual(FIXTURE_TESTS)
        expect(run.report.numPassedTests).toBe(FIXTURE_TESTS.length)
        expect(run.exitCode).toBe(0)
      },
      300_000,
    )
  },
)
