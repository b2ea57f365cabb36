import { expect, test } from 'vitest'
import { type ConformanceFixtures, runAdapterConformance } from '../src/index.js'
import { createMemoryBackend } from '../src/reference/index.js'

interface Handed {
  readonly record: object
  readonly snapshot: unknown
}

const handed: Handed[] = []

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** Freezes what a fixture override returns and remembers a copy to compare with later. */
function frozen<T extends object>(record: T): T {
  handed.push({ record, snapshot: structuredClone(record) })
  return deepFreeze(record)
}

// Frozen fixtures and frozen options: any write by the suite throws (ES modules are strict), so
// the whole run passing proves the suite never mutates the caller's objects.
runAdapterConformance(
  Object.freeze({
    name: 'reference adapter with frozen fixtures and options',
    ...createMemoryBackend(),
    capabilities: deepFreeze({ webauthn: true }),
    expectedFailures: deepFreeze({}),
    fixtures: deepFreeze<ConformanceFixtures>({
      user: (defaults) => frozen({ ...defaults }),
      account: (defaults) => frozen({ ...defaults }),
      session: (defaults) => frozen({ ...defaults }),
      verificationToken: (defaults) => frozen({ ...defaults }),
      authenticator: (defaults) => frozen({ ...defaults }),
      customUserFields: () => frozen({ role: 'editor', teams: ['a', 'b'], quota: 0 }),
    }),
  }),
)

// Registered after the suite, so vitest runs it after the suite's tests (files run in order).
test('every fixture handed to the suite is still frozen and unchanged', () => {
  expect(handed.length).toBeGreaterThan(100)
  for (const { record, snapshot } of handed) {
    expect(Object.isFrozen(record)).toBe(true)
    expect(record).toEqual(snapshot)
  }
})
