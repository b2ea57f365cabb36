import { type CliSettings, envName, parseSettingValue, settingSpec } from '../cli/settings.js'
import { EmulatorError } from '../errors/emulator-error.js'

/** Prefix of the environment variables that tune the jest globalSetup. */
export const JEST_ENV_PREFIX = 'AUTH_DYNAMO_JEST_'

/** The settings of the emulator the jest globalSetup starts. */
export type JestSettings = Pick<
  CliSettings,
  'tableName' | 'clock' | 'ttlMode' | 'sweepIntervalMs' | 'lagMs'
>

/** As with vitest: the clock and TTL sweeps move only when a test says so. */
export const JEST_DEFAULT_SETTINGS: Readonly<JestSettings> = Object.freeze({
  tableName: 'next-auth',
  clock: 'manual',
  ttlMode: 'manual',
  sweepIntervalMs: undefined,
  lagMs: undefined,
})

const KEYS = ['tableName', 'clock', 'ttlMode', 'sweepIntervalMs', 'lagMs'] as const

/**
 * Reads `AUTH_DYNAMO_JEST_TABLE`, `_CLOCK`, `_TTL_MODE`, `_SWEEP_INTERVAL` and `_LAG` (the
 * CLI's values; empty counts as unset) over {@link JEST_DEFAULT_SETTINGS}.
 *
 * @throws {@link EmulatorError} `INVALID_OPTIONS` naming the variable and what it must be
 */
export function readJestSettings(env: Readonly<Record<string, string | undefined>>): JestSettings {
  const settings: JestSettings = { ...JEST_DEFAULT_SETTINGS }
  for (const key of KEYS) {
    const spec = settingSpec(key)
    const variable = envName(spec, JEST_ENV_PREFIX)
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
