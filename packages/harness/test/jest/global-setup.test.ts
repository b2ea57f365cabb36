import { afterEach, describe, expect, it } from 'vitest'
import { adminClient } from '../../src/admin/admin-client.js'
import setup, { createGlobalSetup } from '../../src/jest/global-setup.js'
import teardown from '../../src/jest/global-teardown.js'
import { authDynamoContext, JEST_CONTEXT_VARIABLE } from '../../src/jest/jest-context.js'
import { readJestSettings } from '../../src/jest/jest-settings.js'

const savedEnv = { ...process.env }

afterEach(async () => {
  await teardown()
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('AUTH_DYNAMO_JEST') && !(name in savedEnv)) delete process.env[name]
  }
})

describe('the jest globalSetup and globalTeardown', () => {
  it('starts an emulator, hands it over in AUTH_DYNAMO_JEST, and the teardown stops it', async () => {
    await setup()
    const context = authDynamoContext()
    expect(JSON.parse(process.env[JEST_CONTEXT_VARIABLE] ?? '')).toEqual(context)
    expect(context).toEqual({
      endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      region: 'us-east-1',
      credentials: { accessKeyId: expect.any(String), secretAccessKey: expect.any(String) },
      tableName: 'next-auth',
      adminUrl: `${context.endpoint}/_emulator`,
    })
    const health = await adminClient(context.adminUrl).health()
    expect([health.clock.mode, health.ttl.mode]).toEqual(['manual', 'manual'])
    await teardown()
    await expect(adminClient(context.adminUrl).health()).rejects.toThrow(/Cannot reach/)
  })

  it('takes seed data, index lag and AUTH_DYNAMO_JEST_* settings', async () => {
    process.env.AUTH_DYNAMO_JEST_TABLE = 'auth-tests'
    process.env.AUTH_DYNAMO_JEST_CLOCK = 'system'
    await createGlobalSetup({
      seed: { 'auth-tests': [{ pk: 'USER#1', sk: 'USER#1' }] },
      indexLag: 100,
    })()
    const context = authDynamoContext()
    expect(context.tableName).toBe('auth-tests')
    const admin = adminClient(context.adminUrl)
    expect((await admin.items('auth-tests')).items).toEqual([{ pk: 'USER#1', sk: 'USER#1' }])
    expect((await admin.indexLag.status()).defaultMs).toBe(100)
    expect((await admin.health()).clock.mode).toBe('system')
  })

  it('names the variable of a bad setting', () => {
    expect(() => readJestSettings({ AUTH_DYNAMO_JEST_TTL_MODE: 'sometimes' })).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTIONS',
        message: expect.stringMatching(/AUTH_DYNAMO_JEST_TTL_MODE/),
      }),
    )
  })

  it('tells a test file without the globalSetup what to add', () => {
    delete process.env[JEST_CONTEXT_VARIABLE]
    expect(() => authDynamoContext()).toThrow(
      /globalSetup: '@auth-dynamo\/harness\/jest\/global-setup'/,
    )
  })
})
