/** Prefix of every environment variable the CLI reads, e.g. `AUTH_DYNAMO_EMULATOR_PORT`. */
export const ENV_PREFIX = 'AUTH_DYNAMO_EMULATOR_'

/** The clocks the emulator can run on. */
export const CLOCK_MODES = ['system', 'manual'] as const

/** The ways the emulator's TTL sweeper can run. */
export const TTL_MODES = ['interval', 'manual', 'lag'] as const

/**
 * Everything the CLI can be told through a flag or an environment variable, already
 * converted and checked. `undefined` leaves the choice to the emulator's own default.
 */
export interface CliSettings {
  /** TCP port; 0 picks a free one. @defaultValue `8000` */
  port: number
  /** Interface to listen on. @defaultValue `'127.0.0.1'` */
  host: string
  /** Name of the seeded Auth.js table. @defaultValue `'next-auth'` */
  tableName: string
  /** Absolute path of the directory that keeps the data across restarts; in memory if unset. */
  persist: string | undefined
  /** `system` follows the wall clock; `manual` moves only through the admin API. @defaultValue `'system'` */
  clock: (typeof CLOCK_MODES)[number]
  /** When expired items are deleted: on an interval, only when asked, or after a lag. @defaultValue `'interval'` */
  ttlMode: (typeof TTL_MODES)[number]
  /** Milliseconds between two sweeps (modes `interval` and `lag`). */
  sweepIntervalMs: number | undefined
  /** Milliseconds an expired item stays readable before it is deleted (mode `lag`). */
  lagMs: number | undefined
  /** The admin API's token; generated when `host` is not loopback and none is given. */
  adminToken: string | undefined
  /** Host names accepted besides loopback names and the bound address. @defaultValue `[]` */
  allowedHosts: string[]
  /** Absolute paths of JSON seed files, loaded in order at start. @defaultValue `[]` */
  seed: string[]
}

/** One setting: the flag that sets it, its environment variable, and how to read its value. */
export interface SettingSpec<K extends keyof CliSettings = keyof CliSettings> {
  /** Key in {@link CliSettings}. */
  key: K
  /** Long flag without its dashes, e.g. `port`. */
  flag: string
  /** Optional one-letter alias, e.g. `p`. */
  short?: string
  /** Placeholder of the value in the help text, e.g. `PORT`. */
  valueName: string
  /** One line for the help text. */
  description: string
  /** The default as the help text shows it. */
  defaultText: string
  /** What a valid value looks like, completing "must be ...". */
  expected: string
  /** Converts and checks the raw string: the value, or undefined when it is not valid. */
  parse(raw: string): CliSettings[K] | undefined
}

// Plain functions rather than zod: each setting is one regular expression or list, and loading
// zod on every CLI start cost more than the rest of the start-up (issue 13).
const integer = (raw: string, min: number, max: number): number | undefined => {
  if (!/^\d+$/.test(raw)) return undefined
  const value = Number(raw)
  return value >= min && value <= max ? value : undefined
}
const matching = (pattern: RegExp) => (raw: string) => (pattern.test(raw) ? raw : undefined)
const oneOf =
  <T extends string>(choices: readonly T[]) =>
  (raw: string): T | undefined =>
    (choices as readonly string[]).includes(raw) ? (raw as T) : undefined
const hostName = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/

const specs: { [K in keyof CliSettings]: SettingSpec<K> } = {
  port: {
    key: 'port',
    flag: 'port',
    short: 'p',
    valueName: 'PORT',
    description: 'port to listen on; 0 picks a free one',
    defaultText: '8000',
    expected: 'an integer from 0 to 65535 (0 picks a free port)',
    parse: (raw) => integer(raw, 0, 65_535),
  },
  host: {
    key: 'host',
    flag: 'host',
    valueName: 'HOST',
    description: 'interface to listen on; 0.0.0.0 opens it to your network',
    defaultText: '127.0.0.1',
    expected: 'a host name or IP address',
    parse: matching(/^\S+$/),
  },
  tableName: {
    key: 'tableName',
    flag: 'table',
    valueName: 'NAME',
    description: 'name of the Auth.js table to create',
    defaultText: 'next-auth',
    expected: 'a DynamoDB table name: 3 to 255 of a-z A-Z 0-9 _ - .',
    parse: matching(/^[\w.-]{3,255}$/),
  },
  persist: {
    key: 'persist',
    flag: 'persist',
    valueName: 'DIR',
    description: 'keep the data in DIR across restarts',
    defaultText: 'in memory',
    expected: 'a directory path',
    parse: (raw) => (raw.length > 0 ? raw : undefined),
  },
  clock: {
    key: 'clock',
    flag: 'clock',
    valueName: 'MODE',
    description: 'TTL clock: system (wall clock), manual (moves only through the admin API)',
    defaultText: 'system',
    expected: `one of ${CLOCK_MODES.join(', ')}`,
    parse: oneOf(CLOCK_MODES),
  },
  ttlMode: {
    key: 'ttlMode',
    flag: 'ttl-mode',
    valueName: 'MODE',
    description: 'TTL sweeps: interval (on a timer), manual (when asked), lag (late, as AWS)',
    defaultText: 'interval',
    expected: `one of ${TTL_MODES.join(', ')}`,
    parse: oneOf(TTL_MODES),
  },
  sweepIntervalMs: {
    key: 'sweepIntervalMs',
    flag: 'sweep-interval',
    valueName: 'MS',
    description: 'milliseconds between two TTL sweeps (modes interval and lag)',
    defaultText: '1000',
    expected: 'a whole number of milliseconds, at least 1',
    parse: (raw) => integer(raw, 1, Number.MAX_SAFE_INTEGER),
  },
  lagMs: {
    key: 'lagMs',
    flag: 'lag',
    valueName: 'MS',
    description: 'milliseconds an expired item stays readable (mode lag)',
    defaultText: '0',
    expected: 'a whole number of milliseconds',
    parse: (raw) => integer(raw, 0, Number.MAX_SAFE_INTEGER),
  },
  adminToken: {
    key: 'adminToken',
    flag: 'admin-token',
    valueName: 'TOKEN',
    description: 'token the admin API requires (Authorization: Bearer TOKEN)',
    defaultText: 'none on loopback, generated otherwise',
    expected: '16 to 512 characters without spaces',
    parse: matching(/^\S{16,512}$/),
  },
  allowedHosts: {
    key: 'allowedHosts',
    flag: 'allow-host',
    valueName: 'NAMES',
    description: 'comma-separated host names to accept besides loopback (e.g. a Docker service)',
    defaultText: 'none',
    expected: 'comma-separated host names (letters, digits, "-" and ".")',
    parse: (raw) => {
      const names = raw.split(',').map((name) => name.trim().toLowerCase())
      return names.length <= 100 && names.every((name) => hostName.test(name)) ? names : undefined
    },
  },
  seed: {
    key: 'seed',
    flag: 'seed',
    valueName: 'FILES',
    description:
      'comma-separated JSON files of items to load at start ({ "table": [items] }, plain or DynamoDB JSON)',
    defaultText: 'none',
    expected: 'one or more comma-separated file paths',
    parse: (raw) => {
      const files = raw.split(',').map((file) => file.trim())
      return files.every((file) => file.length > 0) ? files : undefined
    },
  },
}

/** The settings in the order the help text lists them. */
export const SETTING_SPECS: readonly SettingSpec[] = Object.values(specs) as SettingSpec[]

/**
 * The environment variable that backs a setting, e.g. `AUTH_DYNAMO_EMULATOR_TTL_MODE` for
 * `--ttl-mode`.
 *
 * @param spec - the setting
 * @param prefix - the variable's prefix; default {@link ENV_PREFIX}
 */
export function envName(spec: Pick<SettingSpec, 'flag'>, prefix: string = ENV_PREFIX): string {
  return prefix + spec.flag.toUpperCase().replaceAll('-', '_')
}

/**
 * Converts one raw value of a setting.
 *
 * @param spec - the setting
 * @param raw - the string from the command line or the environment
 * @param source - where it came from, to name in the message: `--port` or a variable name
 * @returns the value, or a message saying what was wrong (without a fix, which depends on
 *   the source)
 */
export function parseSettingValue<K extends keyof CliSettings>(
  spec: SettingSpec<K>,
  raw: string,
  source: string,
): { ok: true; value: CliSettings[K] } | { ok: false; message: string } {
  const value = spec.parse(raw)
  if (value !== undefined) return { ok: true, value }
  return { ok: false, message: `${source} must be ${spec.expected}, got ${JSON.stringify(raw)}` }
}

/** Looks a setting up by its key. */
export function settingSpec<K extends keyof CliSettings>(key: K): SettingSpec<K> {
  return specs[key]
}
