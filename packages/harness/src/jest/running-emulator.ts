/** Where the globalSetup keeps its emulator for the globalTeardown (one process, one realm). */
export const runningEmulator = Symbol.for('auth-dynamo.jest.emulator')
