import { EmulatorError } from '../errors/emulator-error.js'

/** How the emulator's clock moves: with the system time, or only when told. */
export type ClockMode = 'system' | 'manual'

/** The latest time a JavaScript Date can hold, in epoch milliseconds. */
export const maxDateMs = 8.64e15

/**
 * The time TTL expiry is measured on, one per namespace.
 *
 * In `system` mode it follows the machine's time, shifted by whatever `advance` and `set`
 * added; in `manual` mode it starts at the real time and then moves only by `advance`, `set`
 * and `reset`.
 */
export interface EmulatorClock {
  /** `system` or `manual`. */
  readonly mode: ClockMode
  /** The clock's current time. */
  now(): Date
  /** How far the clock is ahead of the machine's time (negative: behind), in milliseconds. */
  offsetMs(): number
  /**
   * Moves the clock forward.
   * @param ms - milliseconds to add: a finite number >= 0 that keeps the time a valid Date
   * @returns the new time
   * @throws {@link EmulatorError} `INVALID_CLOCK_INPUT` for a negative, non-finite or too large value
   */
  advance(ms: number): Date
  /**
   * Moves the clock to a given time (also backwards).
   * @param date - a Date, an ISO 8601 string or epoch milliseconds, within ±8.64e15 ms of 1970
   * @returns the new time
   * @throws {@link EmulatorError} `INVALID_CLOCK_INPUT` for a value that is not a valid date
   */
  set(date: Date | string | number): Date
  /** Back to the machine's time (offset 0): the one call that undoes every advance and set. */
  reset(): Date
  /** Calls `listener` after every advance, set or reset; returns the function that stops it. */
  onChange(listener: (now: Date) => void): () => void
}

/** Builds a clock in the given mode. */
export function createClock(
  mode: ClockMode,
  readSystemTime: () => number = Date.now,
): EmulatorClock {
  // Both modes are an offset from a base: system time keeps ticking, manual time is frozen.
  let frozenAt = readSystemTime()
  let offset = 0
  const listeners = new Set<(now: Date) => void>()
  const base = () => (mode === 'system' ? readSystemTime() : frozenAt)
  // A system clock set to the last valid instant keeps ticking past it: it stays there instead
  // of becoming an invalid Date.
  const current = () => Math.min(maxDateMs, Math.max(-maxDateMs, base() + offset))
  const changed = () => {
    const now = new Date(current())
    for (const listener of listeners) listener(now)
    return now
  }
  return {
    mode,
    now: () => new Date(current()),
    offsetMs: () => current() - readSystemTime(),
    advance(ms) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new EmulatorError(
          'INVALID_CLOCK_INPUT',
          `clock.advance(ms) needs a finite number of milliseconds >= 0, got ${String(ms)}; use clock.set(date) to move the clock back`,
        )
      }
      const target = current() + ms
      if (target > maxDateMs) {
        throw new EmulatorError(
          'INVALID_CLOCK_INPUT',
          `clock.advance(${ms}) would move the clock past the latest valid date (+275760-09-13); advance by at most ${maxDateMs - current()} ms`,
        )
      }
      offset = target - base()
      return changed()
    },
    set(date) {
      const target = toEpochMs(date)
      offset = target - base()
      return changed()
    },
    reset() {
      frozenAt = readSystemTime()
      offset = 0
      return changed()
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

function toEpochMs(date: Date | string | number): number {
  const ms =
    date instanceof Date
      ? date.getTime()
      : typeof date === 'string' || typeof date === 'number'
        ? new Date(date).getTime()
        : Number.NaN
  if (!Number.isFinite(ms) || Math.abs(ms) > maxDateMs) {
    throw new EmulatorError(
      'INVALID_CLOCK_INPUT',
      `clock.set(date) needs a Date, an ISO 8601 string or epoch milliseconds between -8.64e15 and 8.64e15, got ${JSON.stringify(date)}`,
    )
  }
  return ms
}
