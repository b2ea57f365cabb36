// Pure logic: the encoding of `expires`, for every millisecond of a few seconds.
import { describe, expect, it } from 'vitest'
import { fromStoredExpires, isExpired, toEpochSeconds } from '../../src/epoch-seconds.js'

describe('expires as epoch seconds', () => {
  it('round-trips every millisecond through the number DynamoDB stores (its decimal string)', () => {
    const starts = [0, 1_718_000_000_000, 1_999_999_999_000, 4_102_444_800_000]
    const failures: number[] = []
    for (const start of starts) {
      for (let ms = 0; ms < 1000; ms++) {
        const date = new Date(start + ms)
        // The SDK sends a Number as its decimal string and parses the answer back.
        const stored = Number(String(toEpochSeconds(date)))
        if ((fromStoredExpires(stored) as Date).getTime() !== date.getTime())
          failures.push(start + ms)
      }
    }
    expect(failures).toEqual([])
  })

  it('stores whole seconds for a Date on a whole second, as older versions did', () => {
    expect(toEpochSeconds(new Date('2025-01-02T03:04:05.000Z'))).toBe(1_735_787_045)
  })

  it('reads ISO strings and leaves anything else alone', () => {
    expect(fromStoredExpires('2025-01-02T03:04:05.678Z')).toEqual(
      new Date('2025-01-02T03:04:05.678Z'),
    )
    expect(fromStoredExpires('soon')).toBe('soon')
    expect(isExpired('soon')).toBe(false)
    expect(isExpired(Date.now() / 1000 - 1)).toBe(true)
  })
})
