import { EmulatorError } from '../errors/emulator-error.js'

/** How the emulator's clock moves: with the system time, or only when told. */
export type ClockMode = 'system' | 'manual'

/**
 * The time the emulator's TTL sweeper compares expiry attributes with.
 *
 * In `system` mode it follows the machine's time, shifted by whatever `advance` and `set` added;
 * in `manual` mode it starts at the real time and then moves only by `advance` and `set`.
 */
export interface EmulatorClock {
  /** `system` or `manual`. */
  readonly mode: ClockMode
  /** The emulator's current time. */
  now(): Date
  /**
   * Moves the clock forward.
   * @param ms - milliseconds to add; a finite number >= 0
   * @returns the new time
   * @throws {@link EmulatorError} `INVALID_CLOCK_INPUT` for a negative or non-finite value
   */
  advance(ms: number): Date
  /**
   * Moves the clock to a given time (also backwards).
   * @param date - a Date, an ISO 8601 string or epoch milliseconds
   * @returns the new time
   * @throws {@link EmulatorError} `INVALID_CLOCK_INPUT` for a value that is not a valid date
   */
  set(date: Date | string | number): Date
}

/** Builds a clock in the given mode. */
export function createClock(
  mode: ClockMode,
  readSystemTime: () => number = Date.now,
): EmulatorClock {
  // Both modes are an offset from a base: system time keeps ticking, manual time is frozen.
  const frozenAt = readSystemTime()
  let offsetMs = 0
  const base = () => (mode === 'system' ? readSystemTime() : frozenAt)
  return {
    mode,
    now: () => new Date(base() + offsetMs),
    advance(ms) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new EmulatorError(
          'INVALID_CLOCK_INPUT',
          `clock.advance(ms) needs a finite number of milliseconds >= 0, got ${String(ms)}; use clock.set(date) to move the clock back`,
        )
      }
      offsetMs += ms
      return new Date(base() + offsetMs)
    },
    set(date) {
      const target = toEpochMs(date)
      offsetMs = target - base()
      return new Date(target)
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
  if (!Number.isFinite(ms)) {
    throw new EmulatorError(
      'INVALID_CLOCK_INPUT',
      `clock.set(date) needs a Date, an ISO 8601 string or epoch milliseconds, got ${JSON.stringify(date)}`,
    )
  }
  return ms
}
