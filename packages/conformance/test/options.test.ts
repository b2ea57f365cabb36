import { describe, expect, test } from 'vitest'
import { ConformanceError, runAdapterConformance } from '../src/index.js'

function thrownBy(run: () => void): ConformanceError {
  try {
    run()
  } catch (error) {
    if (error instanceof ConformanceError) return error
    throw error
  }
  throw new Error('expected a ConformanceError, but nothing was thrown')
}

describe('runAdapterConformance given options of the wrong shape', () => {
  test('throws before registering anything, naming every wrong field', () => {
    const error = thrownBy(() =>
      runAdapterConformance({
        name: ' ',
        adapter: {},
        probes: { user: () => null, account: 'no', session: () => null },
        clock: {},
        timeout: -1,
      } as never),
    )
    expect(error.code).toBe('CONFORMANCE_INVALID_OPTIONS')
    expect(error.message).toContain(
      'name: name must be a non-empty string naming the adapter under test',
    )
    expect(error.message).toContain(
      'adapter: adapter (a factory returning the adapter under test) must be a function',
    )
    expect(error.message).toContain('probes.account: probes.account must be a function')
    expect(error.message).toContain('clock.advance: clock.advance must be a function')
    expect(error.message).toContain('timeout:')
    expect(error.message).not.toContain('probes.user')
  })

  test('throws when the probes are missing altogether', () => {
    const error = thrownBy(() =>
      runAdapterConformance({ name: 'no probes', adapter: () => ({}) } as never),
    )
    expect(error.message).toContain(
      'probes: probes must be an object of functions that read the backend directly',
    )
  })
})
