import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { afterEach, describe, expect, expectTypeOf, it, type ProvidedContext } from 'vitest'
import { adminClient } from '../../src/admin/admin-client.js'
import { EmulatorError } from '../../src/errors/emulator-error.js'
import type { AuthDynamoContext } from '../../src/vitest/auth-dynamo-context.js'
import { setup } from '../../src/vitest/global-setup.js'
import { readVitestSettings, VITEST_DEFAULT_SETTINGS } from '../../src/vitest/vitest-settings.js'

const teardowns: Array<() => Promise<void>> = []
const savedEnv = { ...process.env }

afterEach(async () => {
  for (const teardown of teardowns.splice(0)) await teardown()
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('AUTH_DYNAMO_VITEST_') && !(name in savedEnv)) delete process.env[name]
  }
})

/** Runs the globalSetup as vitest would, and returns what it provided. */
async function runSetup(): Promise<AuthDynamoContext> {
  const provided: Partial<ProvidedContext> = {}
  const teardown = await setup({
    provide: (key, value) => {
      provided[key] = value
    },
  })
  teardowns.push(teardown)
  if (!provided.authDynamo) throw new Error('setup provided no authDynamo')
  return provided.authDynamo
}

describe('globalSetup', () => {
  it('types authDynamo in vitest ProvidedContext', () => {
    expectTypeOf<ProvidedContext['authDynamo']>().toEqualTypeOf<AuthDynamoContext>()
  })

  it('provides a running emulator with the Auth.js table, plain JSON only', async () => {
    const context = await runSetup()
    expect(JSON.parse(JSON.stringify(context))).toEqual(context)
    expect(context).toEqual({
      endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      region: 'us-east-1',
      credentials: { accessKeyId: expect.any(String), secretAccessKey: expect.any(String) },
      tableName: 'next-auth',
      adminUrl: `${context.endpoint}/_emulator`,
    })
    const client = new DynamoDBClient({
      endpoint: context.endpoint,
      region: context.region,
      credentials: { ...context.credentials },
    })
    try {
      expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual(['next-auth'])
    } finally {
      client.destroy()
    }
  })

  it('starts each run on a free port of its own', async () => {
    const [first, second] = await Promise.all([runSetup(), runSetup()])
    expect(first?.endpoint).not.toBe(second?.endpoint)
  })

  it('runs a manual clock and manual TTL sweeps by default, for deterministic tests', async () => {
    const health = await adminClient((await runSetup()).adminUrl).health()
    expect(health.clock.mode).toBe('manual')
    expect(health.ttl.mode).toBe('manual')
  })

  it('takes overrides from AUTH_DYNAMO_VITEST_* variables', async () => {
    process.env.AUTH_DYNAMO_VITEST_CLOCK = 'system'
    process.env.AUTH_DYNAMO_VITEST_TTL_MODE = 'lag'
    process.env.AUTH_DYNAMO_VITEST_SWEEP_INTERVAL = '60000'
    process.env.AUTH_DYNAMO_VITEST_LAG = '5000'
    process.env.AUTH_DYNAMO_VITEST_TABLE = 'auth-tests'
    const context = await runSetup()
    expect(context.tableName).toBe('auth-tests')
    const health = await adminClient(context.adminUrl).health()
    expect(health.tables).toEqual(['auth-tests'])
    expect(health.clock.mode).toBe('system')
    expect(health.ttl).toEqual({ mode: 'lag', intervalMs: 60_000, lagMs: 5000 })
  })

  it('loads the seed files AUTH_DYNAMO_VITEST_SEED names, and names the file of a bad one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vitest-seed-'))
    try {
      const users = join(dir, 'users.json')
      const sessions = join(dir, 'sessions.json')
      await writeFile(users, JSON.stringify({ 'next-auth': [{ pk: 'USER#1', sk: 'USER#1' }] }))
      await writeFile(
        sessions,
        JSON.stringify({ 'next-auth': [{ pk: { S: 'USER#1' }, sk: { S: 'SESSION#1' } }] }),
      )
      process.env.AUTH_DYNAMO_VITEST_SEED = `${users},${sessions}`
      const { adminUrl } = await runSetup()
      const admin = adminClient(adminUrl)
      const { items } = await admin.items('next-auth')
      expect(items.map((item) => item.sk).sort()).toEqual(['SESSION#1', 'USER#1'])
      // A test file's namespace (what fileNamespace() makes) starts with the same items.
      const { id } = await admin.createNamespace()
      const inFile = await admin.namespace(id).items('next-auth')
      expect(inFile.items.map((item) => item.sk).sort()).toEqual(['SESSION#1', 'USER#1'])

      const broken = join(dir, 'broken.json')
      await writeFile(broken, '{ "next-auth": [')
      process.env.AUTH_DYNAMO_VITEST_SEED = broken
      await expect(runSetup()).rejects.toThrow(`The seed file ${broken} is not valid JSON`)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('stops the emulator in the teardown it returns', async () => {
    const provided: Partial<ProvidedContext> = {}
    const teardown = await setup({
      provide: (key, value) => {
        provided[key] = value
      },
    })
    const admin = adminClient(provided.authDynamo?.adminUrl ?? '')
    expect((await admin.health()).status).toBe('ok')
    await teardown()
    await expect(admin.health()).rejects.toMatchObject({ code: 'ADMIN_REQUEST_FAILED' })
  })
})

describe('readVitestSettings', () => {
  it('defaults to the deterministic settings', () => {
    expect(readVitestSettings({})).toEqual({
      tableName: 'next-auth',
      clock: 'manual',
      ttlMode: 'manual',
      sweepIntervalMs: undefined,
      lagMs: undefined,
      seed: [],
    })
    expect(VITEST_DEFAULT_SETTINGS).toEqual(readVitestSettings({}))
  })

  it('ignores the CLI variables, so a developer shell set up for the CLI does not change tests', () => {
    expect(
      readVitestSettings({
        AUTH_DYNAMO_EMULATOR_CLOCK: 'system',
        AUTH_DYNAMO_EMULATOR_PORT: '8000',
      }),
    ).toEqual(VITEST_DEFAULT_SETTINGS)
  })

  it('treats an empty variable as unset', () => {
    expect(readVitestSettings({ AUTH_DYNAMO_VITEST_CLOCK: '' })).toEqual(VITEST_DEFAULT_SETTINGS)
  })

  it('rejects a bad value with INVALID_OPTIONS naming the variable', () => {
    const read = () => readVitestSettings({ AUTH_DYNAMO_VITEST_TTL_MODE: 'sometimes' })
    expect(read).toThrow(EmulatorError)
    expect(read).toThrow(
      'AUTH_DYNAMO_VITEST_TTL_MODE must be one of interval, manual, lag, got "sometimes": fix or unset AUTH_DYNAMO_VITEST_TTL_MODE',
    )
    expect(read).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }))
  })
})
