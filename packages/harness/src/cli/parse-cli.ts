import { resolve } from 'node:path'
import { type ParseArgsConfig, parseArgs } from 'node:util'
import { CliError } from './cli-error.js'
import { type CliSettings, envName, parseSettingValue, SETTING_SPECS } from './settings.js'

/** The name the CLI is installed under. */
export const CLI_NAME = 'auth-dynamo-emulator'

/** What the command line asks for. */
export type CliInvocation =
  | { command: 'help' }
  | { command: 'version' }
  | {
      command: 'start'
      /** Print one JSON line when ready instead of the human-readable text. */
      json: boolean
      settings: CliSettings
    }

/** The settings used when neither a flag nor an environment variable gives one. */
export const DEFAULT_SETTINGS: Readonly<CliSettings> = Object.freeze({
  port: 8000,
  host: '127.0.0.1',
  tableName: 'next-auth',
  persist: undefined,
  clock: 'system',
  ttlMode: 'interval',
  sweepIntervalMs: undefined,
  lagMs: undefined,
  adminToken: undefined,
  allowedHosts: [],
  seed: [],
})

const HELP_HINT = `run ${CLI_NAME} --help to see the flags`

function parseArgsConfig(): ParseArgsConfig {
  const options: NonNullable<ParseArgsConfig['options']> = {
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
  }
  for (const spec of SETTING_SPECS) {
    options[spec.flag] = spec.short ? { type: 'string', short: spec.short } : { type: 'string' }
  }
  return { options, strict: true, allowPositionals: false }
}

/** Turns node's parseArgs errors, which are long and suggest `--` tricks, into one useful line. */
function toCliError(error: unknown): unknown {
  if (!(error instanceof Error) || !('code' in error)) return error
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? ''
  const flag = /--[\w-]+/.exec(quoted)?.[0] ?? quoted
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new CliError('UNKNOWN_FLAG', `unknown flag ${flag}: ${HELP_HINT}`)
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new CliError(
        'UNEXPECTED_ARGUMENT',
        `unexpected argument ${JSON.stringify(quoted)}: ${CLI_NAME} takes only flags; ${HELP_HINT}`,
      )
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      if (/does not take an argument/.test(error.message)) {
        return new CliError('INVALID_ARGUMENT', `${flag} takes no value: write ${flag} alone`)
      }
      const spec = SETTING_SPECS.find((candidate) => `--${candidate.flag}` === flag)
      const usage = `${flag} ${spec?.valueName ?? 'VALUE'}`
      const message = /ambiguous/.test(error.message)
        ? `${flag} is followed by a flag instead of its value: write ${usage}, or ${flag}=VALUE for a value that starts with "-"`
        : `${flag} needs a value: write ${usage}`
      return new CliError('INVALID_ARGUMENT', message)
    }
    default:
      return error
  }
}

/** Rejects settings that cannot take effect together, rather than silently ignoring one. */
function checkCombination(settings: CliSettings, sources: Map<keyof CliSettings, string>): void {
  const lag = sources.get('lagMs')
  if (lag && settings.ttlMode !== 'lag') {
    throw new CliError(
      'INVALID_ARGUMENT',
      `${lag} applies only to TTL mode lag, but the mode is ${settings.ttlMode}: add --ttl-mode lag or drop ${lag}`,
    )
  }
  const interval = sources.get('sweepIntervalMs')
  if (interval && settings.ttlMode === 'manual') {
    throw new CliError(
      'INVALID_ARGUMENT',
      `${interval} has no effect in TTL mode manual, which sweeps only when asked: drop ${interval} or use --ttl-mode interval`,
    )
  }
}

/**
 * Reads the command line and the environment into what the CLI should do. Pure: no I/O.
 *
 * Each setting comes from, in order of precedence: its flag (`--port 9000`), its environment
 * variable (`AUTH_DYNAMO_EMULATOR_PORT=9000`; empty counts as unset), then
 * {@link DEFAULT_SETTINGS}. `--help` and `--version` win over everything else.
 *
 * @param argv - the arguments after the program name (`process.argv.slice(2)`)
 * @param env - the environment to read `AUTH_DYNAMO_EMULATOR_*` variables from; default `{}`
 * @param cwd - the directory relative `--persist` and `--seed` paths are resolved against; default
 *   `process.cwd()`
 * @throws {@link CliError} with code `UNKNOWN_FLAG`, `UNEXPECTED_ARGUMENT` or `INVALID_ARGUMENT`,
 *   and a one-line message naming the flag or variable and how to fix it
 */
export function parseCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
  cwd: string = process.cwd(),
): CliInvocation {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>
  try {
    values = parseArgs({ ...parseArgsConfig(), args: [...argv] }).values
  } catch (error) {
    throw toCliError(error)
  }
  if (values.help) return { command: 'help' }
  if (values.version) return { command: 'version' }

  const settings: CliSettings = { ...DEFAULT_SETTINGS }
  const sources = new Map<keyof CliSettings, string>()
  for (const spec of SETTING_SPECS) {
    const fromFlag = values[spec.flag]
    const variable = envName(spec)
    const fromEnv = env[variable]
    let raw: string
    let source: string
    let fix: string
    if (typeof fromFlag === 'string') {
      ;[raw, source, fix] = [fromFlag, `--${spec.flag}`, HELP_HINT]
    } else if (fromEnv) {
      ;[raw, source, fix] = [fromEnv, variable, `fix or unset ${variable}`]
    } else {
      continue
    }
    const parsed = parseSettingValue(spec, raw, source)
    if (!parsed.ok) throw new CliError('INVALID_ARGUMENT', `${parsed.message}: ${fix}`)
    ;(settings as unknown as Record<string, unknown>)[spec.key] = parsed.value
    sources.set(spec.key, source)
  }
  if (settings.persist !== undefined) settings.persist = resolve(cwd, settings.persist)
  settings.seed = settings.seed.map((file) => resolve(cwd, file))
  checkCombination(settings, sources)
  return { command: 'start', json: values.json === true, settings }
}
