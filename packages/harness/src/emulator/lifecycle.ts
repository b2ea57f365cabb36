import { EmulatorError } from '../errors/emulator-error.js'

/** The emulator's lifecycle: `starting → running → stopping → stopped`. */
export type EmulatorState = 'starting' | 'running' | 'stopping' | 'stopped'

/** Guards lifecycle transitions, and calls made in the wrong state. */
export class Lifecycle {
  #state: EmulatorState = 'starting'

  get state(): EmulatorState {
    return this.#state
  }

  /**
   * Throws unless the emulator is running.
   * @throws {@link EmulatorError} `INVALID_STATE`
   */
  assertRunning(action: string): void {
    if (this.#state !== 'running') {
      throw new EmulatorError(
        'INVALID_STATE',
        `Cannot ${action}: the emulator is ${this.#state}; call it between startEmulator() and stop()`,
      )
    }
  }

  moveTo(next: EmulatorState): void {
    const allowed: Record<EmulatorState, EmulatorState[]> = {
      starting: ['running', 'stopped'],
      running: ['stopping'],
      stopping: ['stopped'],
      stopped: [],
    }
    if (!allowed[this.#state].includes(next)) {
      throw new EmulatorError(
        'INVALID_STATE',
        `The emulator cannot go from ${this.#state} to ${next}`,
      )
    }
    this.#state = next
  }
}
