import type { Emulator } from '../emulator/emulator.js'
import { runningEmulator } from './running-emulator.js'

/**
 * The jest `globalTeardown` of `@auth-dynamo/harness`: stops the emulator the globalSetup
 * started. A default export because that is what jest calls.
 */
export default async function teardown(): Promise<void> {
  const slot = globalThis as Record<symbol, unknown>
  const emulator = slot[runningEmulator] as Emulator | undefined
  delete slot[runningEmulator]
  await emulator?.stop()
}
