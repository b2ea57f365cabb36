import { toEmulatorOptions } from '../cli/to-emulator-options.js'
import type { EmulatorOptions } from '../options/emulator-options.js'
import { JEST_CONTEXT_VARIABLE, type JestAuthDynamoContext } from './jest-context.js'
import { readJestSettings } from './jest-settings.js'
import { runningEmulator } from './running-emulator.js'

/** Options of {@link createGlobalSetup}: what the emulator is started with besides the defaults. */
export type JestGlobalSetupOptions = Pick<EmulatorOptions, 'seed' | 'indexLag' | 'tables'>

/**
 * A jest `globalSetup` with options: put it in a setup file of your own,
 * `export default createGlobalSetup({ seed: './test/seed.json' })`.
 *
 * @param options - seed data, index lag, or tables instead of the Auth.js one
 * @returns the globalSetup function
 */
export function createGlobalSetup(options: JestGlobalSetupOptions = {}): () => Promise<void> {
  return async () => {
    const settings = readJestSettings(process.env)
    // As the vitest globalSetup does: the AWS SDK's notice about its next major on Node 20 would
    // print in every worker; workers start after this and inherit it.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
    // Imported here: a test file that imports this module's types must not load the emulator.
    const { startEmulator } = await import('../index.js')
    const emulator = await startEmulator({
      ...toEmulatorOptions({
        ...settings,
        port: 0,
        host: '127.0.0.1',
        persist: undefined,
        adminToken: undefined,
        allowedHosts: [],
        seed: [],
      }),
      ...options,
    })
    const context: JestAuthDynamoContext = {
      endpoint: emulator.endpoint,
      region: emulator.region,
      credentials: { ...emulator.credentials },
      tableName: options.tables?.[0]?.TableName ?? settings.tableName,
      adminUrl: emulator.adminUrl,
      ...(emulator.adminToken === undefined ? {} : { adminToken: emulator.adminToken }),
    }
    // jest starts its workers after the globalSetup: they inherit this variable.
    process.env[JEST_CONTEXT_VARIABLE] = JSON.stringify(context)
    ;(globalThis as Record<symbol, unknown>)[runningEmulator] = emulator
  }
}

/**
 * The jest `globalSetup` of `@auth-dynamo/harness`: starts one emulator on a free port for the
 * run (manual clock and sweeps unless `AUTH_DYNAMO_JEST_*` says otherwise) and hands it to test
 * files through `AUTH_DYNAMO_JEST`. A default export because that is what jest calls.
 *
 * @throws {@link EmulatorError} `INVALID_OPTIONS` for a bad `AUTH_DYNAMO_JEST_*` variable, or
 *   whatever `startEmulator` throws
 */
const setup: () => Promise<void> = createGlobalSetup()
export default setup
