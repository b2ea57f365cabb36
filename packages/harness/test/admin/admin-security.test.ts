import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { maxPrincipals } from '../../src/dispatch/operation-log.js'
import { adminClient, type Emulator, startEmulator } from '../../src/index.js'
import { httpRequest } from '../support/http-request.js'
import { dynamoHeaders } from '../support/raw-request.js'

describe('the admin API on a loopback emulator', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator({
      clock: 'manual',
      ttl: { mode: 'manual' },
      allowedHosts: ['dynamodb'],
    })
  })
  afterAll(() => emulator.stop())

  const host = () => `127.0.0.1:${emulator.port}`
  const put = (pk: string) =>
    httpRequest(emulator.endpoint, {
      method: 'POST',
      headers: { ...dynamoHeaders('PutItem'), host: host() },
      body: JSON.stringify({ TableName: 'next-auth', Item: { pk: { S: pk }, sk: { S: pk } } }),
    })
  const count = async () => (await emulator.items('next-auth')).count

  test('a page of another site cannot reset the data with a no-cors POST', async () => {
    expect((await put('keep')).status).toBe(200)
    const attempts: Array<Record<string, string>> = [
      // What a no-cors fetch or a form sends: a simple content type and the page's origin.
      { 'content-type': 'text/plain', origin: 'http://evil.example' },
      { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' },
      { 'content-type': 'application/json', origin: 'http://evil.example' },
      { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      { 'content-type': 'application/json', origin: 'null' },
      { 'content-type': 'text/plain' },
    ]
    for (const headers of attempts) {
      const response = await httpRequest(`${emulator.adminUrl}/reset`, {
        method: 'POST',
        headers: { host: host(), ...headers },
        body: '{}',
      })
      expect(response.status, JSON.stringify(headers)).toBeGreaterThanOrEqual(400)
      expect(response.status, JSON.stringify(headers)).toBeLessThan(500)
      expect(JSON.parse(response.body).error.message).toMatch(/admin API/)
    }
    expect(await count()).toBe(1)
  })

  test('the page on the same origin, and tools that send no Origin, are served', async () => {
    const sameOrigin = await httpRequest(`${emulator.adminUrl}/clock`, {
      method: 'POST',
      headers: {
        host: host(),
        origin: `http://${host()}`,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ advanceMs: 1 }),
    })
    expect(sameOrigin.status).toBe(200)
    expect((await adminClient(emulator.endpoint).health()).status).toBe('ok')
  })

  test('a rebinding DNS name is refused on the admin API and on the DynamoDB endpoint', async () => {
    const items = await httpRequest(`${emulator.adminUrl}/tables/next-auth/items`, {
      headers: { host: `attacker.example:${emulator.port}` },
    })
    expect(items.status).toBe(403)
    expect(JSON.parse(items.body).error).toMatchObject({
      code: 'HOST_NOT_ALLOWED',
      message: expect.stringContaining('--allow-host'),
    })
    const scan = await httpRequest(emulator.endpoint, {
      method: 'POST',
      headers: { ...dynamoHeaders('Scan'), host: `attacker.example:${emulator.port}` },
      body: JSON.stringify({ TableName: 'next-auth' }),
    })
    expect(scan.status).toBe(403)
    expect(scan.body).not.toContain('keep')
  })

  test('loopback names, the bound address and allowed names are served', async () => {
    for (const name of [
      `localhost:${emulator.port}`,
      host(),
      `[::1]:${emulator.port}`,
      `dynamodb:${emulator.port}`,
    ]) {
      const response = await httpRequest(`${emulator.adminUrl}/health`, { headers: { host: name } })
      expect(response.status, name).toBe(200)
    }
  })

  test('clock input out of range gets a 400 naming the range, and the clock keeps working', async () => {
    for (const body of [
      { advanceMs: 1e308 },
      { advanceMs: 9e15 },
      { set: 1e20 },
      { set: '+300000-01-01' },
    ]) {
      const response = await httpRequest(`${emulator.adminUrl}/clock`, {
        method: 'POST',
        headers: { host: host(), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(JSON.parse(response.body).error.message, JSON.stringify(body)).toMatch(
        /8640000000000000|8\.64e15|valid date/,
      )
    }
    const admin = adminClient(emulator.endpoint)
    expect((await admin.clock()).epochMs).toBe(emulator.clock.now().getTime())
    expect((await admin.health()).status).toBe('ok')
    expect(await admin.sweep()).toEqual({ deleted: 0 })
  })

  test('the operation log keeps a bounded number of principals and says what it dropped', async () => {
    const extra = 50
    for (let index = 0; index < maxPrincipals + extra; index++) {
      const headers = dynamoHeaders('ListTables')
      headers.authorization = String(headers.authorization).replace(
        'Credential=test/',
        `Credential=key${index}/`,
      )
      await httpRequest(emulator.endpoint, {
        method: 'POST',
        headers: { ...headers, host: host() },
        body: '{}',
      })
    }
    const report = await adminClient(emulator.endpoint).operationsReport()
    expect(report.dropped.principals).toBeGreaterThanOrEqual(extra)
    const raw = await httpRequest(`${emulator.adminUrl}/operations`, { headers: { host: host() } })
    expect(raw.body.length).toBeLessThan(10_000)
  }, 120_000)
})

describe('an emulator bound beyond loopback', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator({ host: '0.0.0.0', ttl: { mode: 'manual' } })
  })
  afterAll(() => emulator.stop())

  test('makes up an admin token and refuses admin requests without it', async () => {
    expect(emulator.adminToken).toMatch(/^\S{16,}$/)
    const response = await httpRequest(`${emulator.adminUrl}/health`)
    expect(response.status).toBe(401)
    expect(JSON.parse(response.body).error.code).toBe('ADMIN_TOKEN_REQUIRED')
    await expect(adminClient(emulator.endpoint).reset()).rejects.toThrow(/token/)
    await expect(
      adminClient(emulator.endpoint, { token: 'wrong-token-0123456789' }).health(),
    ).rejects.toThrow(/401/)
  })

  test('serves admin requests with the token, and DynamoDB requests as before', async () => {
    const admin = adminClient(emulator.endpoint, { token: emulator.adminToken })
    expect((await admin.health()).status).toBe('ok')
    const scan = await httpRequest(emulator.endpoint, {
      method: 'POST',
      headers: dynamoHeaders('ListTables'),
      body: '{}',
    })
    expect(scan.status).toBe(200)
  })

  test('accepts a token of its own choosing through the option', async () => {
    const token = 'a-token-chosen-by-the-user'
    const chosen = await startEmulator({
      host: '0.0.0.0',
      adminToken: token,
      ttl: { mode: 'manual' },
    })
    try {
      expect(chosen.adminToken).toBe(token)
      expect((await adminClient(chosen.endpoint, { token }).health()).status).toBe('ok')
    } finally {
      await chosen.stop()
    }
  })
})
