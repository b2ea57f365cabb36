import { type CliSettings, envName, parseSettingValue, settingSpec } from '../cli/settings.js'
import { EmulatorError } from '../errors/emulator-error.js'

/** Prefix of the environment variables that tune the vitest globalSetup. */
export const VITEST_ENV_PREFIX = 'AUTH_DYNAMO_VITEST_'

/** The settings of the emulator the vitest globalSetup starts. */
export type VitestSettings = Pick<
  CliSettings,
  'tableName' | 'clock' | 'ttlMode' | 'sweepIntervalMs' | 'lagMs' | 'seed'
>

/**
 * The defaults make test runs deterministic: the clock and TTL sweeps move only when a test
 * says so.
 */
export const VITEST_DEFAULT_SETTINGS: Readonly<VitestSettings> = Object.freeze({
  tableName: 'next-auth',
  clock: 'manual',
  ttlMode: 'manual',
  sweepIntervalMs: undefined,
  lagMs: undefined,
  seed: [],
})

const KEYS = ['tableName', 'clock', 'ttlMode', 'sweepIntervalMs', 'lagMs', 'seed'] as const

/**
 * Reads `AUTH_DYNAMO_VITEST_TABLE`, `_CLOCK`, `_TTL_MODE`, `_SWEEP_INTERVAL`, `_LAG` and `_SEED`
 * (same values as the CLI's flags of those names; empty counts as unset; seed files relative to
 * the working directory) over
 * {@link VITEST_DEFAULT_SETTINGS}. A prefix of its own, so that variables exported for the
 * CLI in a developer's shell never change how tests run.
 *
 * @param env - the environment to read
 * @throws {@link EmulatorError} `INVALID_OPTIONS` naming the variable and what it must be
 */
export function readVitestSettings(
  env: Readonly<Record<string, string | undefined>>,
): VitestSettings {
  const settings: VitestSettings = { ...VITEST_DEFAULT_SETTINGS }
  for (const key of KEYS) {
    const spec = settingSpec(key)
    const variable = envName(spec, VITEST_ENV_PREFIX)
    const raw = env[variable]
    if (!raw) continue
    const parsed = parseSettingValue(spec, raw, variable)
    if (!parsed.ok) {
      throw new EmulatorError('INVALID_OPTIONS', `${parsed.message}: fix or unset ${variable}`)
    }
    ;(settings as unknown as Record<string, unknown>)[key] = parsed.value
  }
  return settings
}
