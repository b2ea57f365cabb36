import type { IncomingMessage } from 'node:http'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Emulator, startEmulator } from '../../src/index.js'
import { inspectorCookieName, inspectorTokenOf } from '../../src/inspector/inspector-token.js'
import { browserTimeoutMs, launchChromium, skipWithoutChromium } from '../support/chromium.js'

/** A request as the guard sees it. */
const incoming = (method: string, url: string, headers: Record<string, string> = {}) =>
  ({ method, url, headers, socket: { localPort: 8000 } }) as unknown as IncomingMessage

/** A raw HTTP request, with whatever Host and Origin a test wants. */
function raw(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (chunk: string) => {
        body += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('inspectorTokenOf', () => {
  const cookie = inspectorCookieName(8000)

  test('reads the token from the inspector cookie of this port, on any admin request', () => {
    expect(cookie).toBe('auth_dynamo_admin_8000')
    expect(
      inspectorTokenOf(
        incoming('POST', '/_emulator/clock', { cookie: `a=b; ${cookie}=s%20ecret` }),
      ),
    ).toBe('s ecret')
    expect(
      inspectorTokenOf(
        incoming('GET', '/_emulator/health', { cookie: 'auth_dynamo_admin_9000=x' }),
      ),
    ).toBeUndefined()
  })

  test('reads ?token= only on a GET of an inspector page', () => {
    expect(inspectorTokenOf(incoming('GET', '/_emulator/inspector?token=abc'))).toBe('abc')
    expect(
      inspectorTokenOf(incoming('GET', '/_emulator/inspector/namespaces/x?a=1&token=abc')),
    ).toBe('abc')
    expect(inspectorTokenOf(incoming('POST', '/_emulator/inspector?token=abc'))).toBeUndefined()
    expect(inspectorTokenOf(incoming('GET', '/_emulator/health?token=abc'))).toBeUndefined()
    expect(inspectorTokenOf(incoming('GET', '/_emulator/inspectorx?token=abc'))).toBeUndefined()
    expect(inspectorTokenOf(incoming('GET', '/_emulator/inspector'))).toBeUndefined()
  })

  test('a malformed cookie is no token', () => {
    expect(inspectorTokenOf(incoming('GET', '/', { cookie: `${cookie}=%E0%A4%A` }))).toBeUndefined()
  })
})

describe('the inspector sits behind the admin guard', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator({ ttl: { mode: 'manual' } })
  })
  afterAll(() => emulator.stop())

  test('a Host the emulator does not serve is refused (DNS rebinding)', async () => {
    const response = await raw(`${emulator.endpoint}/_emulator/inspector/namespaces/default`, {
      host: 'evil.example',
    })
    expect(response.status).toBe(403)
    expect(response.body).not.toMatch(/inspector/)
  })

  test('a page of another site is refused', async () => {
    const response = await raw(`${emulator.endpoint}/_emulator/inspector/namespaces/default`, {
      origin: 'http://evil.example',
      'sec-fetch-site': 'cross-site',
    })
    expect(response.status).toBe(403)
  })

  test('every page forbids framing, inline script and foreign resources', async () => {
    const response = await raw(`${emulator.endpoint}/_emulator/inspector/namespaces/default`)
    expect(response.status).toBe(200)
    expect(response.headers['x-frame-options']).toBe('DENY')
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    )
    expect(response.body).not.toMatch(/<script>|onclick=|style="/)
  })
})

// Needs request-guard.ts to accept inspectorTokenOf(req) (the lead integrates it): until then,
// the guard takes the token from headers only, and these tests report themselves skipped.
const adminToken = 'inspector-token-for-tests-0123456789'
const guardTakesInspectorToken = await (async () => {
  const emulator = await startEmulator({ adminToken, ttl: { mode: 'manual' } })
  try {
    const response = await raw(`${emulator.adminUrl}/health`, {
      cookie: `${inspectorCookieName(emulator.port)}=${adminToken}`,
    })
    return response.status === 200
  } finally {
    await emulator.stop()
  }
})()

describe.skipIf(!guardTakesInspectorToken)('the inspector with an admin token', () => {
  let emulator: Emulator
  beforeAll(async () => {
    emulator = await startEmulator({ adminToken, clock: 'manual', ttl: { mode: 'manual' } })
  })
  afterAll(() => emulator.stop())

  test('without the token, or with a wrong one, the page is refused', async () => {
    expect((await raw(`${emulator.adminUrl}/inspector`)).status).toBe(401)
    expect((await raw(`${emulator.adminUrl}/inspector?token=wrong`)).status).toBe(401)
  })

  test('?token= once sets an HttpOnly, SameSite=Strict cookie and drops the token from the URL', async () => {
    const response = await raw(
      `${emulator.adminUrl}/inspector/namespaces/default?x=1&token=${adminToken}`,
    )
    expect(response.status).toBe(303)
    expect(response.headers.location).toBe('/_emulator/inspector/namespaces/default?x=1')
    expect(response.headers['set-cookie']).toEqual([
      `${inspectorCookieName(emulator.port)}=${adminToken}; Path=/_emulator; HttpOnly; SameSite=Strict`,
    ])
  })

  test.skipIf(skipWithoutChromium)(
    'a browser opened on the printed URL uses the page and its clock controls',
    { timeout: 120_000 },
    async () => {
      const browser = await launchChromium()
      try {
        const context = await browser.newContext({ baseURL: emulator.endpoint })
        context.setDefaultTimeout(browserTimeoutMs)
        const page = await context.newPage()
        await page.goto(`/_emulator/inspector?token=${adminToken}`)
        expect(page.url()).toBe(`${emulator.endpoint}/_emulator/inspector/namespaces/default`)
        const before = emulator.clock.now().getTime()
        await page.locator('form[data-kind="advance"] input[name="amount"]').fill('3')
        await page.locator('form[data-kind="advance"] select[name="unit"]').selectOption('m')
        await Promise.all([
          page.waitForEvent('load'),
          page.locator('form[data-kind="advance"] button').click(),
        ])
        expect(emulator.clock.now().getTime() - before).toBe(180_000)
      } finally {
        await browser.close()
      }
    },
  )
})
