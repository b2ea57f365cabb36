import { describe, expect, it } from 'vitest'
import { CliError } from '../../src/cli/cli-error.js'
import { DEFAULT_SETTINGS, parseCli } from '../../src/cli/parse-cli.js'
import { toEmulatorOptions } from '../../src/cli/to-emulator-options.js'
import { authjsTable } from '../../src/tables/authjs-table.js'

function parseError(argv: string[], env: Record<string, string> = {}): CliError {
  try {
    parseCli(argv, env, '/work')
  } catch (error) {
    if (error instanceof CliError) return error
    throw error
  }
  throw new Error(`expected parseCli(${JSON.stringify(argv)}) to throw`)
}

function settings(argv: string[], env: Record<string, string> = {}) {
  const invocation = parseCli(argv, env, '/work')
  if (invocation.command !== 'start') throw new Error(`expected start, got ${invocation.command}`)
  return invocation.settings
}

describe('parseCli', () => {
  it('starts with the documented defaults when given nothing', () => {
    expect(parseCli([], {}, '/work')).toEqual({
      command: 'start',
      json: false,
      settings: {
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
      },
    })
  })

  it('reads every flag', () => {
    const invocation = parseCli(
      [
        '--port=0',
        '--host',
        '0.0.0.0',
        '--table',
        'auth.prod_v2',
        '--persist',
        'data/db',
        '--clock',
        'manual',
        '--ttl-mode',
        'lag',
        '--sweep-interval',
        '250',
        '--lag',
        '5000',
        '--admin-token',
        'token-of-sixteen-chars',
        '--allow-host',
        'dynamodb,Auth.Internal',
        '--seed',
        'seed/users.json,/data/sessions.json',
        '--json',
      ],
      {},
      '/work',
    )
    expect(invocation).toEqual({
      command: 'start',
      json: true,
      settings: {
        port: 0,
        host: '0.0.0.0',
        tableName: 'auth.prod_v2',
        persist: '/work/data/db',
        clock: 'manual',
        ttlMode: 'lag',
        sweepIntervalMs: 250,
        lagMs: 5000,
        adminToken: 'token-of-sixteen-chars',
        allowedHosts: ['dynamodb', 'auth.internal'],
        seed: ['/work/seed/users.json', '/data/sessions.json'],
      },
    })
  })

  it('accepts -p as --port', () => {
    expect(settings(['-p', '9000']).port).toBe(9000)
  })

  it('keeps an absolute --persist path as it is', () => {
    expect(settings(['--persist', '/var/lib/emu']).persist).toBe('/var/lib/emu')
  })

  it('lets --help and --version win over everything else, even bad values', () => {
    expect(parseCli(['--port', 'abc', '--help'])).toEqual({ command: 'help' })
    expect(parseCli(['-h'])).toEqual({ command: 'help' })
    expect(parseCli(['--version', '--ttl-mode', 'nope'])).toEqual({ command: 'version' })
    expect(parseCli(['-v'])).toEqual({ command: 'version' })
  })
})

describe('parseCli precedence: flag > environment > default', () => {
  const env = {
    AUTH_DYNAMO_EMULATOR_PORT: '9100',
    AUTH_DYNAMO_EMULATOR_HOST: '::1',
    AUTH_DYNAMO_EMULATOR_TABLE: 'from-env',
    AUTH_DYNAMO_EMULATOR_PERSIST: 'env-dir',
    AUTH_DYNAMO_EMULATOR_CLOCK: 'manual',
    AUTH_DYNAMO_EMULATOR_TTL_MODE: 'lag',
    AUTH_DYNAMO_EMULATOR_SWEEP_INTERVAL: '20',
    AUTH_DYNAMO_EMULATOR_LAG: '30',
    AUTH_DYNAMO_EMULATOR_ADMIN_TOKEN: 'env-token-0123456789',
    AUTH_DYNAMO_EMULATOR_ALLOW_HOST: 'docker-host',
    AUTH_DYNAMO_EMULATOR_SEED: 'seed.json',
  }

  it('uses every environment variable when no flag is given', () => {
    expect(settings([], env)).toEqual({
      port: 9100,
      host: '::1',
      tableName: 'from-env',
      persist: '/work/env-dir',
      clock: 'manual',
      ttlMode: 'lag',
      sweepIntervalMs: 20,
      lagMs: 30,
      adminToken: 'env-token-0123456789',
      allowedHosts: ['docker-host'],
      seed: ['/work/seed.json'],
    })
  })

  it('prefers a flag over its environment variable', () => {
    const result = settings(['--port', '9200', '--table', 'from-flag'], env)
    expect(result.port).toBe(9200)
    expect(result.tableName).toBe('from-flag')
    expect(result.host).toBe('::1')
  })

  it('treats an empty variable as unset', () => {
    expect(settings([], { AUTH_DYNAMO_EMULATOR_PORT: '' }).port).toBe(DEFAULT_SETTINGS.port)
  })

  it('ignores a bad variable when the flag overrides it', () => {
    expect(settings(['--port', '1'], { AUTH_DYNAMO_EMULATOR_PORT: 'abc' }).port).toBe(1)
  })
})

describe('parseCli errors: one line naming the problem and the fix', () => {
  it.each([
    [
      ['--port', 'abc'],
      '--port must be an integer from 0 to 65535 (0 picks a free port), got "abc": run auth-dynamo-emulator --help to see the flags',
    ],
    [['--port', '65536'], '--port must be an integer from 0 to 65535'],
    [['--port=-1'], '--port must be an integer from 0 to 65535'],
    [['--port', '-1'], '--port is followed by a flag instead of its value: write --port PORT'],
    [['--port', '80.5'], '--port must be an integer'],
    [['--ttl-mode', 'nope'], '--ttl-mode must be one of interval, manual, lag, got "nope"'],
    [['--clock', 'fast'], '--clock must be one of system, manual, got "fast"'],
    [['--table', 'ab'], '--table must be a DynamoDB table name'],
    [['--table', 'no spaces'], '--table must be a DynamoDB table name'],
    [['--admin-token', 'short'], '--admin-token must be 16 to 512 characters without spaces'],
    [['--allow-host', 'evil.example/x'], '--allow-host must be comma-separated host names'],
    [
      ['--sweep-interval', '0'],
      '--sweep-interval must be a whole number of milliseconds, at least 1',
    ],
    [['--host', ''], '--host must be a host name or IP address, got ""'],
    [['--persist='], '--persist must be a directory path, got ""'],
  ])('%j', (argv, message) => {
    const error = parseError(argv)
    expect(error.code).toBe('INVALID_ARGUMENT')
    expect(error.message).toContain(message)
    expect(error.message).not.toContain('\n')
  })

  it('names the environment variable and says to fix or unset it', () => {
    const error = parseError([], { AUTH_DYNAMO_EMULATOR_TTL_MODE: 'nope' })
    expect(error.code).toBe('INVALID_ARGUMENT')
    expect(error.message).toBe(
      'AUTH_DYNAMO_EMULATOR_TTL_MODE must be one of interval, manual, lag, got "nope": fix or unset AUTH_DYNAMO_EMULATOR_TTL_MODE',
    )
  })

  it('rejects an unknown flag and points to --help', () => {
    const error = parseError(['--prot', '8000'])
    expect(error.code).toBe('UNKNOWN_FLAG')
    expect(error.message).toBe(
      'unknown flag --prot: run auth-dynamo-emulator --help to see the flags',
    )
  })

  it('rejects an unknown short flag', () => {
    const error = parseError(['-x'])
    expect(error.code).toBe('UNKNOWN_FLAG')
    expect(error.message).toContain('unknown flag -x')
  })

  it('rejects a flag given without its value', () => {
    const error = parseError(['--port'])
    expect(error.code).toBe('INVALID_ARGUMENT')
    expect(error.message).toBe('--port needs a value: write --port PORT')
  })

  it('rejects a value given to a switch', () => {
    const error = parseError(['--json=yes'])
    expect(error.code).toBe('INVALID_ARGUMENT')
    expect(error.message).toBe('--json takes no value: write --json alone')
  })

  it('rejects positional arguments', () => {
    const error = parseError(['8000'])
    expect(error.code).toBe('UNEXPECTED_ARGUMENT')
    expect(error.message).toContain('unexpected argument "8000"')
  })

  it('rejects --lag outside TTL mode lag instead of ignoring it', () => {
    const error = parseError(['--lag', '100'])
    expect(error.message).toBe(
      '--lag applies only to TTL mode lag, but the mode is interval: add --ttl-mode lag or drop --lag',
    )
  })

  it('rejects --sweep-interval in TTL mode manual instead of ignoring it', () => {
    const error = parseError(['--ttl-mode', 'manual', '--sweep-interval', '5'])
    expect(error.message).toContain('--sweep-interval has no effect in TTL mode manual')
  })
})

describe('toEmulatorOptions', () => {
  it('creates the Auth.js table under the chosen name and leaves unset TTL fields to the emulator', () => {
    expect(toEmulatorOptions({ ...DEFAULT_SETTINGS, tableName: 'sessions' })).toEqual({
      port: 8000,
      host: '127.0.0.1',
      tables: [authjsTable({ tableName: 'sessions' })],
      clock: 'system',
      ttl: { mode: 'interval' },
    })
  })

  it('passes persistence and every TTL field given', () => {
    const options = toEmulatorOptions({
      ...DEFAULT_SETTINGS,
      persist: '/data',
      ttlMode: 'lag',
      sweepIntervalMs: 10,
      lagMs: 20,
    })
    expect(options.persist).toBe('/data')
    expect(options.ttl).toEqual({ mode: 'lag', intervalMs: 10, lagMs: 20 })
  })
})
