import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { describe, expect, it } from 'vitest'
import { createDocumentClient, DynamoDBAdapter } from '../../src/index.js'
import { thrown } from './support/adapter-errors.js'
import { freshAdapter, useEmulator } from './support/emulator-fixture.js'
import { newUser } from './support/fixtures.js'

const fixture = useEmulator()

function envFor(overrides: Record<string, string | undefined> = {}) {
  return {
    AUTH_DYNAMODB_ID: fixture.emulator.credentials.accessKeyId,
    AUTH_DYNAMODB_SECRET: fixture.emulator.credentials.secretAccessKey,
    AUTH_DYNAMODB_REGION: fixture.emulator.region,
    AUTH_DYNAMODB_ENDPOINT: fixture.emulator.endpoint,
    ...overrides,
  }
}

describe('createDocumentClient', () => {
  it('builds a DynamoDBDocument from the AUTH_DYNAMODB_* variables that the adapter works with', async () => {
    const { options } = await freshAdapter(fixture)
    const client = createDocumentClient({ env: envFor() })

    expect(client).toBeInstanceOf(DynamoDBDocument)
    const adapter = DynamoDBAdapter(client, options)
    const user = await adapter.createUser(newUser())
    expect(await adapter.getUser(user.id)).toEqual(user)
    expect(await client.config.credentials()).toMatchObject(fixture.emulator.credentials)
    expect(await client.config.region()).toBe(fixture.emulator.region)
    client.destroy()
  })

  it('sets the marshall options the Auth.js docs recommend', () => {
    const client = createDocumentClient({ env: envFor() })
    expect(client.config.translateConfig?.marshallOptions).toEqual({
      convertEmptyValues: true,
      removeUndefinedValues: true,
      convertClassInstanceToMap: true,
    })
    client.destroy()
  })

  it('reads process.env by default', async () => {
    const saved = { ...process.env }
    Object.assign(process.env, envFor())
    try {
      const client = createDocumentClient()
      expect(await client.config.region()).toBe(fixture.emulator.region)
      const endpoint = await client.config.endpoint?.()
      expect(`${endpoint?.protocol}//${endpoint?.hostname}:${endpoint?.port}`).toBe(
        fixture.emulator.endpoint,
      )
      client.destroy()
    } finally {
      for (const key of Object.keys(envFor())) {
        if (saved[key] === undefined) delete process.env[key]
        else process.env[key] = saved[key]
      }
    }
  })

  it('lets config win over the environment', async () => {
    const client = createDocumentClient({
      env: envFor({
        AUTH_DYNAMODB_REGION: 'eu-west-1',
        AUTH_DYNAMODB_ENDPOINT: 'http://127.0.0.1:1',
      }),
      region: fixture.emulator.region,
      endpoint: fixture.emulator.endpoint,
      credentials: { accessKeyId: 'from-config', secretAccessKey: 'from-config' },
    })

    expect(await client.config.region()).toBe(fixture.emulator.region)
    expect(await client.config.credentials()).toMatchObject({ accessKeyId: 'from-config' })
    const { options } = await freshAdapter(fixture)
    expect(await DynamoDBAdapter(client, options).getUser('nobody')).toBeNull()
    client.destroy()
  })

  it('throws INVALID_CONFIG naming AUTH_DYNAMODB_REGION when no region is set', () => {
    const error = thrown(() =>
      createDocumentClient({ env: envFor({ AUTH_DYNAMODB_REGION: undefined }) }),
    )
    expect(error).toMatchObject({ code: 'INVALID_CONFIG', method: 'createDocumentClient' })
    expect(error.message).toContain('AUTH_DYNAMODB_REGION')
  })

  it('throws INVALID_CONFIG naming the missing half of a credential pair', () => {
    const error = thrown(() => createDocumentClient({ env: envFor({ AUTH_DYNAMODB_SECRET: '' }) }))
    expect(error.code).toBe('INVALID_CONFIG')
    expect(error.message).toContain('AUTH_DYNAMODB_SECRET is not set')
  })

  it('throws INVALID_CONFIG for an endpoint that is not a URL', () => {
    const error = thrown(() =>
      createDocumentClient({ env: envFor({ AUTH_DYNAMODB_ENDPOINT: 'localhost:8000' }) }),
    )
    expect(error.code).toBe('INVALID_CONFIG')
    expect(error.message).toContain('AUTH_DYNAMODB_ENDPOINT')
  })
})
