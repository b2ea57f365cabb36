import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, test } from 'vitest'
import { type Reporter, startVitest, type TestSuite } from 'vitest/node'
import { conformanceTestIds } from '../src/index.js'
import { optionsTestName } from '../src/run-adapter-conformance.js'
import { scenarios } from './fixtures/scenarios.js'

interface TestOutcome {
  readonly state: string
  readonly errors: readonly string[]
  readonly annotations: readonly string[]
}

interface SuiteOutcome {
  readonly tests: ReadonlyMap<string, TestOutcome>
  /** What the suite printed: its end-of-run report. */
  readonly output: string
}

const root = fileURLToPath(new URL('..', import.meta.url))
const suites = new Map<string, SuiteOutcome>()

// Runs test/fixtures/scenarios.conformance.ts (the suite against the reference adapter and
// deliberately broken variants of it) in a nested vitest, and keeps each test's result.
beforeAll(async () => {
  const logs: { content: string }[] = []
  const collector: Reporter = { onUserConsoleLog: (log) => void logs.push(log) }
  const exitCode = process.exitCode
  const vitest = await startVitest('test', [], {
    root,
    config: false,
    watch: false,
    include: ['test/fixtures/*.conformance.ts'],
    reporters: [collector],
  })
  try {
    for (const module of vitest.state.getTestModules()) {
      for (const suite of module.children.suites()) collect(suite, logs)
    }
  } finally {
    await vitest.close()
    // The nested run fails on purpose; that must not become this process's exit code.
    process.exitCode = exitCode
  }
}, 120_000)

function collect(suite: TestSuite, logs: readonly { content: string }[]) {
  const tests = new Map<string, TestOutcome>()
  for (const testCase of suite.children.allTests()) {
    const result = testCase.result()
    tests.set(testCase.name, {
      state: result.state,
      errors: (result.errors ?? []).map((error) => error.message),
      annotations: testCase.annotations().map(({ message }) => message),
    })
  }
  // By content, not taskId: vitest may attribute an afterAll's log to the suite's last task.
  const output = logs
    .filter(({ content }) => content.startsWith(`Auth.js adapter conformance: ${suite.name}\n`))
    .map(({ content }) => content)
    .join('')
  suites.set(suite.name, { tests, output })
}

function outcome(name: string): SuiteOutcome {
  const suite = suites.get(name)
  if (!suite) throw new Error(`the nested run has no suite named "${name}"`)
  return suite
}

function failing(suite: SuiteOutcome): string[] {
  return [...suite.tests].filter(([, { state }]) => state === 'failed').map(([name]) => name)
}

describe('each scenario fails exactly the tests it should', () => {
  for (const scenario of scenarios) {
    test(scenario.name, () => {
      const suite = outcome(scenario.name)
      expect(failing(suite).sort()).toEqual([...scenario.fails].sort())
      const states = new Set([...suite.tests.values()].map(({ state }) => state))
      expect(
        [...states].filter((state) => !['passed', 'failed', 'skipped'].includes(state)),
      ).toEqual([])
      const ids = [...suite.tests.keys()].filter((name) => name !== optionsTestName)
      expect(ids, 'every conformance test is registered').toEqual([...conformanceTestIds])
    })
  }
})

describe('the reference adapter', () => {
  test('passes every test with every capability on, and the report says so', () => {
    const suite = outcome('reference adapter')
    expect([...suite.tests.values()].every(({ state }) => state === 'passed')).toBe(true)
    expect(suite.tests.size).toBe(conformanceTestIds.length)
    expect(suite.output).toContain(
      `passed: ${conformanceTestIds.length} · failed: 0 · skipped: 0 · failed as expected: 0 · passed unexpectedly: 0`,
    )
  })
})

describe('a missing capability', () => {
  const webauthnIds = scenarios.find(
    ({ name }) => name === 'no webauthn methods, capability left on',
  )?.fails as readonly string[]

  test('left on, fails each test that needs it with a message saying how to turn it off', () => {
    const suite = outcome('no webauthn methods, capability left on')
    for (const id of webauthnIds) {
      expect(suite.tests.get(id)?.errors.join('\n')).toMatch(
        /adapter\.\w+ is missing\. Implement it, or set capabilities\.webauthn to false/,
      )
    }
  })

  test('turned off, skips each test that needs it and reports every skip by name', () => {
    const suite = outcome('no webauthn methods, capability off')
    const skipped = [...suite.tests].filter(([, { state }]) => state === 'skipped')
    expect(skipped.map(([name]) => name).sort()).toEqual([...webauthnIds].sort())
    expect(suite.output).toContain('skipped (capability off):')
    for (const id of webauthnIds) expect(suite.output).toContain(`"${id}": needs webauthn`)
  })

  test('a missing probe or clock fails with a message naming it', () => {
    const noProbe = outcome('no verificationToken probe')
    expect(noProbe.tests.get('createVerificationToken stores the token')?.errors[0]).toContain(
      'probes.verificationToken is missing',
    )
    const noClock = outcome('no clock')
    expect(
      noClock.tests.get('expired sessions are deleted from storage as time passes')?.errors[0],
    ).toContain('This test needs options.clock')
  })
})

describe('the options', () => {
  test('an unknown expected failure id fails the run, naming the id and the closest real one', () => {
    const suite = outcome('unknown expected failure id')
    const message = suite.tests.get(optionsTestName)?.errors[0] ?? ''
    expect(message).toContain(
      'expectedFailures names unknown test id "deleteUser removes every related items"; did you mean "deleteUser removes every related item"?',
    )
    expect(suite.output).toContain('INVALID OPTIONS:')
  })

  test('an unknown capability fails the run, naming it', () => {
    const message = outcome('unknown capability').tests.get(optionsTestName)?.errors[0] ?? ''
    expect(message).toContain('capabilities.passkeys is not a capability of this suite')
  })

  test('an expected failure needs a non-empty reason', () => {
    const message =
      outcome('empty expected failure reason').tests.get(optionsTestName)?.errors[0] ?? ''
    expect(message).toContain(
      'expectedFailures["deleteUser removes the user"] needs a non-empty reason',
    )
  })
})

describe('expected failures', () => {
  test('one that fails passes, and is reported with its reason', () => {
    const suite = outcome('expected failure that fails')
    const id = 'getSessionAndUser treats an expired session as missing'
    expect(suite.tests.get(id)?.state).toBe('passed')
    expect(suite.output).toContain('failed as expected (expectedFailures):')
    expect(suite.output).toContain(`"${id}": it returns expired sessions`)
  })

  test('one that passes fails, with an annotation and a report line saying to remove it', () => {
    const suite = outcome('expected failure that passes')
    const id = 'getUser returns the user by id'
    expect(suite.tests.get(id)?.state).toBe('failed')
    expect(suite.tests.get(id)?.annotations).toEqual([
      `"${id}" passed, but expectedFailures lists it (listed to see it reported): remove that entry`,
    ])
    expect(suite.output).toContain(
      'PASSED UNEXPECTEDLY (remove these entries from expectedFailures):',
    )
    expect(suite.output).toContain(`"${id}" (listed because: listed to see it reported)`)
  })
})

describe('failures', () => {
  test('are listed in the report with the first line of their error', () => {
    const suite = outcome('returns expired sessions')
    expect(suite.output).toContain(
      'FAILED:\n    - "getSessionAndUser treats an expired session as missing": a session that expired a minute ago: expected',
    )
  })
})
