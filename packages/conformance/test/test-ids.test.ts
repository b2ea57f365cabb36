import { describe, expect, expectTypeOf, test } from 'vitest'
import {
  type Capability,
  type ConformanceTestId,
  capabilityNames,
  conformanceTestIds,
  conformanceTests,
  type ExpectedFailures,
} from '../src/index.js'

describe('test ids', () => {
  test('are unique, and each names one registered test', () => {
    expect(new Set(conformanceTestIds).size).toBe(conformanceTestIds.length)
    expect(conformanceTestIds.length).toBeGreaterThanOrEqual(47)
  })

  test('are a union of literal names, so a typo in expectedFailures does not compile', () => {
    expectTypeOf<'deleteUser removes every related item'>().toExtend<ConformanceTestId>()
    expectTypeOf<string>().not.toExtend<ConformanceTestId>()
    const expectedFailures: ExpectedFailures = {
      'deleteUser removes every related item': 'upstream stops at 25 items',
      // @ts-expect-error a misspelt id is a compile error
      'deleteUser removes every related items': 'typo',
    }
    expect(Object.keys(expectedFailures)).toHaveLength(2)
  })

  test('each needs only known capabilities', () => {
    const known = new Set<Capability>(capabilityNames)
    for (const { id, requires } of conformanceTests) {
      for (const capability of requires) expect(known.has(capability), id).toBe(true)
    }
    const used = new Set(conformanceTests.flatMap(({ requires }) => requires))
    expect(
      [...known].filter((capability) => !used.has(capability)),
      'unused capabilities',
    ).toEqual([])
  })
})
