import { describe, expect, test } from 'vitest'
import { createClock } from '../../src/clock/emulator-clock.js'

describe('emulator clock', () => {
  test('manual clock stands still and moves only by advance and set', () => {
    let systemTime = 1_000_000
    const clock = createClock('manual', () => systemTime)
    systemTime += 5_000
    expect(clock.now().getTime()).toBe(1_000_000)
    expect(clock.advance(2_500).getTime()).toBe(1_002_500)
    expect(clock.set('2030-01-01T00:00:00.000Z').toISOString()).toBe('2030-01-01T00:00:00.000Z')
    systemTime += 5_000
    expect(clock.now().toISOString()).toBe('2030-01-01T00:00:00.000Z')
  })

  test('system clock follows the machine, shifted by advance', () => {
    let systemTime = 1_000_000
    const clock = createClock('system', () => systemTime)
    clock.advance(60_000)
    systemTime += 1_000
    expect(clock.now().getTime()).toBe(1_061_000)
    clock.set(0)
    systemTime += 1_000
    expect(clock.now().getTime()).toBe(1_000)
  })

  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('advance(%s) is refused', (ms) => {
    expect(() => createClock('manual').advance(ms)).toThrow(
      expect.objectContaining({ code: 'INVALID_CLOCK_INPUT' }),
    )
  })

  test('a system clock set to the last valid instant stays there as time passes, a valid Date', () => {
    let systemTime = 1_000_000
    const clock = createClock('system', () => systemTime)
    clock.set('+275760-09-13T00:00:00.000Z')
    systemTime += 60_000
    expect(clock.now().toISOString()).toBe('+275760-09-13T00:00:00.000Z')
    expect(Number.isFinite(clock.offsetMs())).toBe(true)
    expect(clock.advance(0).toISOString()).toBe('+275760-09-13T00:00:00.000Z')
    expect(() => clock.advance(1)).toThrow(/advance by at most 0 ms/)
    expect(clock.reset().getTime()).toBe(systemTime)
  })

  test('set() refuses what is not a date', () => {
    expect(() => createClock('manual').set('next tuesday')).toThrow(
      /clock.set\(date\) needs a Date/,
    )
  })
})
