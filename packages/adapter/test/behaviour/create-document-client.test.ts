import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createDocumentClient,
  DynamoDBAdapter,
  DynamoDBAdapterError,
  defaultRequestTimeouts,
} from '../../src/index.js'
import { describeOnBackends } from '../support/test-backend.js'
import { failure } from './support/adapter-errors.js'
import { freshAdapter } from './support/backend-fixture.js'
import { newUser } from './support/fixtures.js'

// The variables of the AWS SDK's own region chain, and its config files, cleared around each test
// so that this machine's settings cannot satisfy (or spoil) what a test expects.
const sdkVariables = ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_CONFIG_FILE']
let saved: Record<string, string | undefined>
beforeEach(() => {
  saved = Object.fromEntries(sdkVariables.map((name) => [name, process.env[name]]))
  for (const name of sdkVariables) delete process.env[name]
  process.env.AWS_CONFIG_FILE = join(tmpdir(), 'no-such-aws-config')
})
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})

const credentials = { accessKeyId: 'id', secretAccessKey: 'secret' }

describeOnBackends((fixture) => {
  function envFor(overrides: Record<string, string | undefined> = {}) {
    return {
      AUTH_DYNAMODB_ID: fixture.credentials.accessKeyId,
      AUTH_DYNAMODB_SECRET: fixture.credentials.secretAccessKey,
      AUTH_DYNAMODB_REGION: fixture.region,
      AUTH_DYNAMODB_ENDPOINT: fixture.endpoint,
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
      expect(await client.config.credentials()).toMatchObject(fixture.credentials)
      expect(await client.config.region()).toBe(fixture.region)
      client.destroy()
    })

    it('reads process.env by default', async () => {
      const before = { ...process.env }
      Object.assign(process.env, envFor())
      try {
        const client = createDocumentClient()
        expect(await client.config.region()).toBe(fixture.region)
        const endpoint = await client.config.endpoint?.()
        expect(`${endpoint?.protocol}//${endpoint?.hostname}:${endpoint?.port}`).toBe(
          fixture.endpoint,
        )
        client.destroy()
      } finally {
        for (const key of Object.keys(envFor())) {
          if (before[key] === undefined) delete process.env[key]
          else process.env[key] = before[key]
        }
      }
    })

    it('lets config win over the environment', async () => {
      const client = createDocumentClient({
        env: envFor({
          AUTH_DYNAMODB_REGION: 'eu-west-1',
          AUTH_DYNAMODB_ENDPOINT: 'http://127.0.0.1:1',
        }),
        region: fixture.region,
        endpoint: fixture.endpoint,
        // DynamoDB Local accepts only letters and digits in an access key.
        credentials: { accessKeyId: 'fromconfig', secretAccessKey: 'fromconfig' },
      })

      expect(await client.config.region()).toBe(fixture.region)
      expect(await client.config.credentials()).toMatchObject({ accessKeyId: 'fromconfig' })
      const { options } = await freshAdapter(fixture)
      expect(await DynamoDBAdapter(client, options).getUser('nobody')).toBeNull()
      client.destroy()
    })
  })
})

describe('createDocumentClient: the region', () => {
  it('follows config.region, then clientConfig.region, then AUTH_DYNAMODB_REGION, then AWS_REGION', async () => {
    const env = { AUTH_DYNAMODB_REGION: 'eu-west-1' }
    process.env.AWS_REGION = 'ap-south-1'
    const regionOf = (config: Parameters<typeof createDocumentClient>[0]) =>
      createDocumentClient({ credentials, ...config }).config.region()

    expect(
      await regionOf({ env, region: 'us-west-2', clientConfig: { region: 'eu-north-1' } }),
    ).toBe('us-west-2')
    expect(await regionOf({ env, clientConfig: { region: 'eu-north-1' } })).toBe('eu-north-1')
    expect(await regionOf({ env })).toBe('eu-west-1')
    expect(await regionOf({ env: {} })).toBe('ap-south-1')
  })

  it('takes the region of the AWS config file, as the SDK does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aws-config-'))
    try {
      const { writeFile } = await import('node:fs/promises')
      process.env.AWS_CONFIG_FILE = join(dir, 'config')
      await writeFile(process.env.AWS_CONFIG_FILE, '[default]\nregion = sa-east-1\n')

      expect(await createDocumentClient({ env: {}, credentials }).config.region()).toBe('sa-east-1')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('createDocumentClient: configuration errors wait for the first request', () => {
  it('builds a client without any region, and the first call rejects with INVALID_CONFIG naming AUTH_DYNAMODB_REGION', async () => {
    const client = createDocumentClient({ env: {}, credentials })
    const adapter = DynamoDBAdapter(client)

    const error = await failure(adapter.getUser('someone'))

    expect(error).toMatchObject({ code: 'INVALID_CONFIG', method: 'getUser' })
    expect(error.message).toContain('AUTH_DYNAMODB_REGION')
    expect(error.message).toContain('AWS_REGION')
    client.destroy()
  })

  it('builds a client with half a credential pair, and the first call rejects with INVALID_CONFIG naming the missing half', async () => {
    const client = createDocumentClient({
      env: { AUTH_DYNAMODB_REGION: 'eu-west-1', AUTH_DYNAMODB_ID: 'id', AUTH_DYNAMODB_SECRET: '' },
    })

    const error = await failure(DynamoDBAdapter(client).getUser('someone'))

    expect(error.code).toBe('INVALID_CONFIG')
    expect(error.message).toContain('AUTH_DYNAMODB_SECRET is not set')
    client.destroy()
  })

  it('builds a client with an endpoint that is not a URL, and the first call rejects with INVALID_CONFIG naming the variable', async () => {
    const client = createDocumentClient({
      env: { AUTH_DYNAMODB_REGION: 'eu-west-1', AUTH_DYNAMODB_ENDPOINT: 'localhost:8000' },
      credentials,
    })

    const error = await failure(DynamoDBAdapter(client).getUser('someone'))

    expect(error.code).toBe('INVALID_CONFIG')
    expect(error.message).toContain('AUTH_DYNAMODB_ENDPOINT')
    client.destroy()
  })

  it('lets a module that builds the adapter at top level load with no AWS variables at all (next build)', async () => {
    const home = await mkdtemp(join(tmpdir(), 'no-aws-home-'))
    const dist = new URL('../../dist/index.js', import.meta.url).href
    // What a Next.js route module does at evaluation, in a process whose environment has no AWS
    // or AUTH_DYNAMODB_* variable and whose home has no AWS config.
    const script = `
      const { DynamoDBAdapter, createDocumentClient } = await import(${JSON.stringify(dist)})
      const adapter = DynamoDBAdapter(createDocumentClient())
      console.log('evaluated')
      const error = await adapter.getUser('someone').catch((e) => e)
      console.log(error.code)
    `
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--input-type=module', '-e', script],
        {
          env: {
            PATH: process.env.PATH ?? '',
            HOME: home,
            NODE_ENV: 'production',
            AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          },
        },
      )
      expect(stdout.trim().split('\n')).toEqual(['evaluated', 'INVALID_CONFIG'])
    } finally {
      await rm(home, { recursive: true, force: true })
    }
  })
})

describe('createDocumentClient: timeouts', () => {
  /** The settings of the client's request handler, which it resolves at its first request. */
  async function handlerSettings(client: DynamoDBDocument) {
    await DynamoDBAdapter(client)
      .getUser('someone')
      .catch(() => {})
    return (client.config.requestHandler as { httpHandlerConfigs(): object }).httpHandlerConfigs()
  }

  it('sets connection and request timeouts on the request handler', async () => {
    const client = createDocumentClient({
      env: {},
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:1',
      credentials,
      clientConfig: { maxAttempts: 1 },
    })

    expect(await handlerSettings(client)).toMatchObject(defaultRequestTimeouts)
    expect(defaultRequestTimeouts).toMatchObject({ connectionTimeout: 3000, requestTimeout: 5000 })
    client.destroy()
  })

  it('gives up on an endpoint that accepts the connection but never answers, with a TimeoutError', async () => {
    const sockets: Socket[] = []
    const silent = createServer((socket) => sockets.push(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const { port } = silent.address() as { port: number }
    const client = createDocumentClient({
      env: {},
      region: 'eu-west-1',
      endpoint: `http://127.0.0.1:${port}`,
      credentials,
      clientConfig: { maxAttempts: 1 },
    })
    try {
      const error = await failure(DynamoDBAdapter(client).getUser('someone'))

      expect(error).toBeInstanceOf(DynamoDBAdapterError)
      expect(error.code).toBe('DYNAMODB_ERROR')
      expect(error.cause).toMatchObject({ name: 'TimeoutError' })
      expect(sockets.length).toBe(1)
    } finally {
      client.destroy()
      for (const socket of sockets) socket.destroy()
      silent.close()
    }
  })

  it('keeps a request handler given in clientConfig', async () => {
    const client = createDocumentClient({
      env: {},
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:1',
      credentials,
      clientConfig: { maxAttempts: 1, requestHandler: { requestTimeout: 250 } },
    })

    const settings = await handlerSettings(client)
    expect(settings).toMatchObject({ requestTimeout: 250 })
    expect(settings).not.toHaveProperty('connectionTimeout', 3000)
    client.destroy()
  })
})
