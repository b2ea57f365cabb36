import type { ProvidedContext } from 'vitest'
import { toEmulatorOptions } from '../cli/to-emulator-options.js'
import type { AuthDynamoContext } from './auth-dynamo-context.js'
import { readVitestSettings } from './vitest-settings.js'

/**
 * The part of vitest's `TestProject` (vitest 3 and later) that the setup uses: typed
 * structurally so one build serves every supported vitest major.
 */
export interface ProvideTarget {
  provide<K extends keyof ProvidedContext & string>(key: K, value: ProvidedContext[K]): void
}

/**
 * vitest `globalSetup`: starts one emulator on a free port for the whole test run, provides
 * {@link AuthDynamoContext} as `authDynamo` (read it with `inject('authDynamo')`), and returns
 * the teardown that stops it.
 *
 * By default the emulator's clock and TTL sweeps are manual, so nothing expires unless a test
 * advances the clock and sweeps; `AUTH_DYNAMO_VITEST_CLOCK`, `_TTL_MODE`, `_SWEEP_INTERVAL`,
 * `_LAG` and `_TABLE` override that (see {@link readVitestSettings}).
 *
 * @param project - what vitest passes to a globalSetup
 * @returns the teardown, which stops the emulator
 * @throws {@link EmulatorError} `INVALID_OPTIONS` for a bad `AUTH_DYNAMO_VITEST_*` variable, or
 *   whatever `startEmulator` throws
 */
export async function setup(project: ProvideTarget): Promise<() => Promise<void>> {
  const settings = readVitestSettings(process.env)
  // The AWS SDK prints a notice about its next major on Node 20 in every worker that loads it;
  // test output is no place for it. Workers start after the globalSetup and inherit this.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  // Imported here, not at the top: test workers import this package's vitest types and
  // helpers, and must not load dynalite and express for nothing.
  const { startEmulator } = await import('../index.js')
  const emulator = await startEmulator(
    toEmulatorOptions({
      ...settings,
      port: 0,
      host: '127.0.0.1',
      persist: undefined,
      adminToken: undefined,
      allowedHosts: [],
    }),
  )
  const context: AuthDynamoContext = {
    endpoint: emulator.endpoint,
    region: emulator.region,
    credentials: { ...emulator.credentials },
    tableName: settings.tableName,
    adminUrl: emulator.adminUrl,
  }
  project.provide('authDynamo', context)
  return async () => {
    await emulator.stop()
  }
}
