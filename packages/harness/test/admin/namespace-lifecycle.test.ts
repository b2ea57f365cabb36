import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { adminClient, type Emulator, EmulatorError, startEmulator } from '../../src/index.js'
import { maxNamespaces } from '../../src/namespaces/namespace-registry.js'

// Namespace create (without a body) and delete are served without the express app (issue 13:
// every test file makes them). These tests hold that their answers are the express app's: the
// same requests with a body go to express, and both are compared.

interface Answer {
  status: number
  contentType: string | null
  body: unknown
}

describe('namespace create and delete without a body answer as the admin app does', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator({ ttl: { mode: 'manual' } })
  })
  afterAll(() => emulator.stop())

  const send = async (method: string, path: string, body?: string): Promise<Answer> => {
    const response = await fetch(`${emulator.adminUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body }),
    })
    const text = await response.text()
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: text === '' ? undefined : JSON.parse(text),
    }
  }
  // The fields that differ between two namespaces by nature.
  const shape = ({ status, contentType, body }: Answer) => {
    const { id, credentials, clock, ...rest } = body as Record<string, unknown>
    return {
      status,
      contentType,
      id: typeof id,
      accessKeyId: (credentials as { accessKeyId: string }).accessKeyId.replace(String(id), '<id>'),
      clock: Object.keys(clock as object),
      ...rest,
    }
  }

  test('POST namespaces without a body makes the same namespace as with {}', async () => {
    const bare = await send('POST', '/namespaces')
    const empty = await send('POST', '/namespaces', '{}')
    expect(bare.status).toBe(201)
    expect(shape(bare)).toEqual(shape(empty))
    expect(shape(bare)).toMatchObject({
      contentType: 'application/json; charset=utf-8',
      tables: ['next-auth'],
    })

    const { credentials } = bare.body as { credentials: { accessKeyId: string } }
    const client = DynamoDBDocument.from(
      new DynamoDBClient({
        endpoint: emulator.endpoint,
        region: emulator.region,
        credentials: { ...credentials, secretAccessKey: 'x' },
      }),
    )
    try {
      await client.put({ TableName: 'next-auth', Item: { pk: 'a', sk: 'b' } })
      expect((await emulator.items('next-auth')).items).toEqual([])
      const { id } = bare.body as { id: string }
      expect((await emulator.namespace(id).items('next-auth')).items).toEqual([
        { pk: 'a', sk: 'b' },
      ])
    } finally {
      client.destroy()
    }
  })

  test('DELETE namespaces/:id answers 204, then the 404 the admin app gives for an unknown id', async () => {
    const { id } = (await send('POST', '/namespaces')).body as { id: string }
    expect(await send('DELETE', `/namespaces/${id}`)).toEqual({
      status: 204,
      contentType: null,
      body: undefined,
    })
    expect(() => emulator.namespace(id)).toThrow(/No namespace/)

    const again = await send('DELETE', `/namespaces/${id}`)
    expect(again).toEqual({
      status: 404,
      contentType: 'application/json; charset=utf-8',
      body: { error: { code: 'NOT_FOUND', message: `No namespace ${id}` } },
    })
    // The same request with a body is the admin app's.
    expect(await send('DELETE', `/namespaces/${id}`, '{}')).toEqual(again)
    expect(await send('DELETE', '/namespaces/default')).toEqual(
      await send('DELETE', '/namespaces/default', '{}'),
    )
    expect((await send('DELETE', '/namespaces/default')).status).toBe(404)
  })

  test("with Content-Length 0, a charset or Content-Encoding gets the admin app's refusal", async () => {
    const held = emulator.health().namespaces
    const refused: Record<string, string>[] = [
      { 'content-type': 'application/json; charset=latin1' },
      { 'content-type': 'application/json', 'content-encoding': 'bogus' },
    ]
    for (const headers of refused) {
      const bare = await fetch(`${emulator.adminUrl}/namespaces`, { method: 'POST', headers })
      const withBody = await fetch(`${emulator.adminUrl}/namespaces`, {
        method: 'POST',
        headers,
        body: '{}',
      })
      expect(bare.status, JSON.stringify(headers)).toBe(415)
      expect(await bare.json()).toEqual(await withBody.json())
    }
    expect(emulator.health().namespaces).toBe(held)
  })

  test('a POST without a body that is not JSON is refused, as every admin POST is', async () => {
    const notJson = await fetch(`${emulator.adminUrl}/namespaces`, { method: 'POST' })
    expect(notJson.status).toBe(415)
    expect(await notJson.json()).toMatchObject({ error: { code: 'JSON_REQUIRED' } })
  })

  test(`past ${maxNamespaces} namespaces the answer is the admin app's 503 naming the limit`, async () => {
    const held = emulator.health().namespaces
    for (let made = held; made < maxNamespaces; made++) await emulator.createNamespace()
    const bare = await send('POST', '/namespaces')
    expect(bare).toEqual(await send('POST', '/namespaces', '{}'))
    expect(bare).toMatchObject({
      status: 503,
      body: { error: { code: 'INVALID_STATE', message: expect.stringMatching(/1000 namespaces/) } },
    })
    await emulator.reset()
  }, 60_000)
})

describe("the admin app's answers to a client's mistakes are 4xx, not 500", () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator({ ttl: { mode: 'manual' } })
  })
  afterAll(() => emulator.stop())

  test('a path parameter that is not valid percent-encoding is a 400 saying so', async () => {
    for (const [method, path] of [
      ['DELETE', '/namespaces/%zz'],
      ['GET', '/namespaces/%/clock'],
      ['DELETE', '/tables/%zz'],
    ] as const) {
      const response = await fetch(`${emulator.adminUrl}${path}`, { method })
      expect(response.status, `${method} ${path}`).toBe(400)
      expect(await response.json()).toEqual({
        error: {
          code: 'BAD_REQUEST',
          message: expect.stringMatching(/^Failed to decode param .*: percent-encode/),
        },
      })
    }
  })

  test('a body that does not decompress as its Content-Encoding says is a 400', async () => {
    for (const encoding of ['gzip', 'deflate']) {
      const response = await fetch(`${emulator.adminUrl}/namespaces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body: '{}',
      })
      expect(response.status, encoding).toBe(400)
      expect(await response.json()).toMatchObject({
        error: { code: 'BAD_REQUEST', message: expect.stringMatching(/Content-Encoding/) },
      })
    }
    expect(emulator.health().namespaces).toBe(0)
  })

  test('createNamespace(null) from JavaScript is refused as the request it sends, not thrown', async () => {
    const admin = adminClient(emulator.endpoint)
    const error: unknown = await admin
      .createNamespace(null as unknown as undefined)
      .catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(EmulatorError)
    expect(error).toMatchObject({ code: 'ADMIN_REQUEST_FAILED', message: /JSON object, got null/ })
  })
})

describe('the admin token', () => {
  test('is needed for namespace create and delete without a body too', async () => {
    const emulator = await startEmulator({ host: '0.0.0.0', ttl: { mode: 'manual' } })
    try {
      const refused = await fetch(`${emulator.adminUrl}/namespaces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      })
      expect(refused.status).toBe(401)
      const refusedDelete = await fetch(`${emulator.adminUrl}/namespaces/abc`, {
        method: 'DELETE',
      })
      expect(refusedDelete.status).toBe(401)
      expect(emulator.health().namespaces).toBe(0)
    } finally {
      await emulator.stop()
    }
  })
})
