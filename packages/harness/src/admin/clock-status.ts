import type { EmulatorClock } from '../clock/emulator-clock.js'
import type { ClockStatus } from './admin-types.js'

/** A clock as the admin API reports it. */
export function clockStatus(clock: EmulatorClock): ClockStatus {
  const now = clock.now()
  return {
    mode: clock.mode,
    now: now.toISOString(),
    epochMs: now.getTime(),
    offsetMs: clock.offsetMs(),
  }
}
