import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Emulator, startEmulator } from '../../src/index.js'

// What dynalite (and DynamoDB) does at the HTTP level, checked through our server: the wrapper
// re-implements it (http/dynamodb-protocol.ts) and must not lose any of it.

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ tables: [] })
})
afterAll(() => emulator.stop())

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

/** One raw HTTP request with exactly the given method, path, headers and body. */
function raw(options: {
  method?: string
  path?: string
  headers?: Record<string, string>
  body?: string | Buffer
}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${emulator.endpoint}${options.path ?? '/'}`,
      { method: options.method ?? 'POST', headers: options.headers ?? {} },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        response.on('error', reject)
      },
    )
    outgoing.on('error', reject)
    outgoing.end(options.body)
  })
}

const signed = {
  'x-amz-date': '20260101T000000Z',
  authorization:
    'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=abc',
}
const requestIdPattern = /^[0-9A-Z]{52}$/

describe('CORS: a page on any origin can call the emulator, as it can call DynamoDB', () => {
  test('a preflight OPTIONS gets 200 with the Access-Control-* headers it asked for', async () => {
    const answer = await raw({
      method: 'OPTIONS',
      headers: {
        origin: 'http://app.localhost:3000',
        'access-control-request-headers': 'authorization, content-type, x-amz-target',
        'access-control-request-method': 'POST',
      },
    })
    expect(answer).toMatchObject({
      status: 200,
      text: '',
      headers: {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': 'authorization, content-type, x-amz-target',
        'access-control-allow-methods': 'POST',
        'access-control-max-age': '172800',
        'content-length': '0',
      },
    })
    expect(answer.headers['x-amzn-requestid']).toMatch(requestIdPattern)
  })

  test('a request with an Origin gets Access-Control-Allow-Origin on its answer, error or not', async () => {
    const listed = await raw({
      headers: {
        ...signed,
        origin: 'http://app.localhost:3000',
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.ListTables',
      },
      body: '{}',
    })
    expect(listed.status).toBe(200)
    expect(listed.headers['access-control-allow-origin']).toBe('*')
    const refused = await raw({ headers: { origin: 'http://x.localhost' }, body: '' })
    expect(refused.status).toBe(400)
    expect(refused.headers['access-control-allow-origin']).toBe('*')
  })
})

describe('requests signed in the query string (SigV4 presigned) are accepted like signed headers', () => {
  const query = {
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': 'presigner/20260101/us-east-1/dynamodb/aws4_request',
    'X-Amz-Date': '20260101T000000Z',
    'X-Amz-SignedHeaders': 'host',
    'X-Amz-Signature': 'abc',
  }
  const target = {
    'content-type': 'application/x-amz-json-1.0',
    'x-amz-target': 'DynamoDB_20120810.ListTables',
  }

  test('ListTables with every X-Amz-* parameter in the query answers', async () => {
    const answer = await raw({
      path: `/?${new URLSearchParams(query)}`,
      headers: target,
      body: '{}',
    })
    expect({ status: answer.status, body: JSON.parse(answer.text) }).toEqual({
      status: 200,
      body: { TableNames: [] },
    })
  })

  test('a missing parameter gets IncompleteSignatureException naming it', async () => {
    const { 'X-Amz-Signature': _dropped, ...rest } = query
    const answer = await raw({
      path: `/?${new URLSearchParams(rest)}`,
      headers: target,
      body: '{}',
    })
    expect({ status: answer.status, body: JSON.parse(answer.text) }).toEqual({
      status: 400,
      body: {
        __type: 'com.amazon.coral.service#IncompleteSignatureException',
        message:
          "AWS query-string parameters must include 'X-Amz-Signature'. Re-examine the query-string parameters.",
      },
    })
  })

  test('both a query signature and an Authorization header get InvalidSignatureException', async () => {
    const answer = await raw({
      path: `/?${new URLSearchParams(query)}`,
      headers: { ...target, ...signed },
      body: '{}',
    })
    expect(JSON.parse(answer.text)).toEqual({
      __type: 'com.amazon.coral.service#InvalidSignatureException',
      message:
        "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
    })
  })
})

describe('malformed HTTP requests get the status and body DynamoDB gives them', () => {
  test.each([
    ['PUT', {}, ''],
    ['DELETE', {}, ''],
    ['OPTIONS', {}, ''],
    ['POST', {}, 'hi'],
    ['POST', { 'content-type': 'text/plain' }, 'hi'],
  ])(
    '%s with %j and body %j gets 404 <UnknownOperationException/>',
    async (method, headers, body) => {
      const answer = await raw({ method, headers, body })
      expect(answer).toMatchObject({
        status: 404,
        text: '<UnknownOperationException/>\n',
        headers: { 'content-length': '29', 'x-amz-crc32': '3552371480' },
      })
      expect(answer.headers['x-amzn-requestid']).toMatch(requestIdPattern)
    },
  )

  test.each([
    ['application/json', 'application/json'],
    ['application/x-amz-json-1.0', 'application/x-amz-json-1.0'],
  ])(
    'a body that is not JSON, sent as %s, gets SerializationException in %s',
    async (sent, answered) => {
      const answer = await raw({ headers: { 'content-type': sent }, body: 'hi' })
      expect(answer).toMatchObject({
        status: 400,
        text: '{"__type":"com.amazon.coral.service#SerializationException"}',
        headers: { 'content-type': answered, 'x-amz-crc32': '3948637019' },
      })
    },
  )

  test('no Authorization gets MissingAuthenticationTokenException, answered in application/json', async () => {
    for (const authorization of [undefined, 'AWS4']) {
      const answer = await raw({
        headers: {
          'x-amz-target': 'DynamoDB_20120810.ListTables',
          ...(authorization ? { authorization } : {}),
        },
      })
      expect(answer.status).toBe(400)
      expect(answer.headers['content-type']).toBe('application/json')
      expect(JSON.parse(answer.text)).toEqual({
        __type: 'com.amazon.coral.service#MissingAuthenticationTokenException',
        message: 'Request is missing Authentication Token',
      })
    }
  })

  test('an Authorization header of just "AWS4-" gets IncompleteSignatureException listing every part', async () => {
    const answer = await raw({
      headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables', authorization: 'AWS4-' },
    })
    expect(JSON.parse(answer.text)).toEqual({
      __type: 'com.amazon.coral.service#IncompleteSignatureException',
      message:
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-",
    })
  })
})

test('a body over 16 MiB gets a 413 answer, not a cut connection, 10 times in a row', async () => {
  const body = Buffer.alloc(16 * 1024 * 1024 + 1, 'a')
  const headers = {
    ...signed,
    'content-type': 'application/x-amz-json-1.0',
    'x-amz-target': 'DynamoDB_20120810.PutItem',
  }
  for (let attempt = 0; attempt < 10; attempt++) {
    const answer = await raw({ headers, body })
    expect({ attempt, status: answer.status, type: JSON.parse(answer.text).__type }).toEqual({
      attempt,
      status: 413,
      type: 'com.amazon.coral.service#RequestEntityTooLarge',
    })
  }
  const after = await raw({
    headers: { ...headers, 'x-amz-target': 'DynamoDB_20120810.ListTables' },
    body: '{}',
  })
  expect(after.status).toBe(200)
}, 120_000)
