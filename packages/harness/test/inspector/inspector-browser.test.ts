import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Emulator, type EmulatorNamespace, startEmulator } from '../../src/index.js'
import { browserTimeoutMs, launchChromium, skipWithoutChromium } from '../support/chromium.js'
import { namespaceClient } from '../support/namespace-clients.js'

// Screenshots of each step, for people reviewing a CI run (gitignored).
const artifacts = fileURLToPath(new URL('../../test-artifacts/inspector/', import.meta.url))
const HOUR_MS = 3_600_000

let emulator: Emulator
let namespace: EmulatorNamespace
let browser: Browser
let context: BrowserContext
let page: Page

const hostile = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true })
  emulator = await startEmulator({ clock: 'manual', ttl: { mode: 'manual' } })
  namespace = await emulator.createNamespace()
  // A whole second, so the time left reads exactly (1h, not 59m 59s).
  const nowSeconds = Math.floor(namespace.clock.now().getTime() / 1000)
  namespace.clock.set(nowSeconds * 1000)
  await namespace.seed({
    'next-auth': [
      {
        pk: 'USER#u1',
        sk: 'USER#u1',
        type: 'USER',
        id: 'u1',
        email: 'ada@example.com',
        name: 'Ada',
      },
      {
        pk: 'USER#u1',
        sk: 'ACCOUNT#github#1234',
        type: 'oauth',
        provider: 'github',
        providerAccountId: '1234',
        userId: 'u1',
      },
      {
        pk: 'USER#u1',
        sk: 'SESSION#tok-short',
        type: 'SESSION',
        sessionToken: 'tok-short',
        userId: 'u1',
        expires: nowSeconds + HOUR_MS / 1000,
      },
      {
        pk: 'USER#u1',
        sk: 'SESSION#tok-long',
        type: 'SESSION',
        sessionToken: 'tok-long',
        userId: 'u1',
        expires: nowSeconds + 30 * 24 * 3600,
      },
      {
        pk: 'USER#u1',
        sk: 'AUTHENTICATOR#cred-1',
        type: 'AUTHENTICATOR',
        credentialID: 'cred-1',
        counter: 3,
        transports: 'internal',
      },
      {
        pk: 'VT#ada@example.com',
        sk: 'VT#vt-1',
        type: 'VT',
        identifier: 'ada@example.com',
        token: 'vt-1',
        expires: nowSeconds + HOUR_MS / 1000,
      },
      {
        pk: 'USER#u2',
        sk: 'USER#u2',
        type: 'USER',
        id: 'u2',
        email: 'x@example.com',
        name: hostile,
      },
      ...Array.from({ length: 40 }, (_, i) => ({
        pk: `OTHER#${String(i).padStart(2, '0')}`,
        sk: 'x',
      })),
    ],
  })
  const app = namespaceClient(emulator, namespace, { principal: 'app' })
  await app.get({ TableName: 'next-auth', Key: { pk: 'USER#u1', sk: 'USER#u1' } })
  await app.put({ TableName: 'next-auth', Item: { pk: 'OTHER#app', sk: 'x' } })
  app.destroy()
  namespace.faults.add({
    operations: ['PutItem'],
    keyPrefix: 'SESSION#',
    action: { type: 'error', error: 'ThrottlingException' },
    description: 'sessions are throttled',
  })
  if (skipWithoutChromium) return
  browser = await launchChromium()
  context = await browser.newContext({ baseURL: emulator.endpoint })
  context.setDefaultTimeout(browserTimeoutMs)
  context.setDefaultNavigationTimeout(browserTimeoutMs)
  page = await context.newPage()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await emulator?.stop()
})

const shot = (name: string) => page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true })

const openAuthjsView = async () => {
  await page.goto(`/_emulator/inspector/namespaces/${namespace.id}`)
  await page
    .locator('tr[data-table="next-auth"]')
    .getByRole('link', { name: 'Auth.js view' })
    .click()
  await page.waitForURL(/\/authjs$/)
}

// Browser steps wait up to 30 s each on a loaded machine; a test holds a few of them.
describe.skipIf(skipWithoutChromium)('the inspector in Chromium', { timeout: 120_000 }, () => {
  test('opens on the default namespace and lists every namespace', async () => {
    const response = await page.goto('/_emulator/inspector')
    expect(response?.status()).toBe(200)
    expect(page.url()).toMatch(/\/_emulator\/inspector\/namespaces\/default$/)
    await expect(page.locator('nav.namespaces a').allTextContents()).resolves.toEqual([
      'default',
      namespace.id,
    ])
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/)
    await shot('01-default-namespace')
  })

  test("shows a namespace's tables, fault rules and operations by principal", async () => {
    await page.locator(`a[data-namespace="${namespace.id}"]`).click()
    await page.waitForURL(new RegExp(`/namespaces/${namespace.id}$`))
    const table = page.locator('tr[data-table="next-auth"]')
    await expect(table.locator('td').nth(1).textContent()).resolves.toBe('48')
    await expect(table.locator('td').nth(4).textContent()).resolves.toBe('expires')
    const rule = page.locator('tr[data-fault="fault-1"]')
    await expect(rule.textContent()).resolves.toMatch(/sessions are throttled/)
    await expect(rule.textContent()).resolves.toMatch(/key prefix SESSION#/)
    const principal = page.locator(`tr[data-principal="${namespace.credentials.accessKeyId}.app"]`)
    await expect(principal.textContent()).resolves.toMatch(/GetItem 1, PutItem 1/)
    await shot('02-namespace-overview')
  })

  test("finds a user's session in the Auth.js view, live with the time it has left", async () => {
    await openAuthjsView()
    const user = page.locator('[data-user="u1"]')
    await expect(user.locator('h3').textContent()).resolves.toMatch(
      /User u1 · ada@example\.com · Ada/,
    )
    await expect(user.locator('tr[data-account]').textContent()).resolves.toMatch(/github.*1234/s)
    const session = user.locator('tr[data-session="tok-short"] td[data-ttl-state]')
    await expect(session.getAttribute('data-ttl-state')).resolves.toBe('live')
    await expect(session.textContent()).resolves.toBe('live, expires in 1h')
    await expect(user.locator('tr[data-authenticator="cred-1"]').textContent()).resolves.toMatch(
      /counter 3/,
    )
    await expect(
      page.locator('tr[data-verification-token="VT#ada@example.com|VT#vt-1"]').textContent(),
    ).resolves.toMatch(/live, expires in 1h/)
    await shot('03-authjs-view-live')
  })

  test('advances the clock by two hours: the session shows as expired but not swept', async () => {
    await page.goto(`/_emulator/inspector/namespaces/${namespace.id}`)
    const before = Date.parse((await page.locator('#clock-now').getAttribute('datetime')) ?? '')
    await page.locator('form[data-kind="advance"] input[name="amount"]').fill('2')
    await page.locator('form[data-kind="advance"] select[name="unit"]').selectOption('h')
    await Promise.all([
      page.waitForEvent('load'),
      page.locator('form[data-kind="advance"] button').click(),
    ])
    const after = Date.parse((await page.locator('#clock-now').getAttribute('datetime')) ?? '')
    expect(after - before).toBe(2 * HOUR_MS)
    await expect(page.locator('#flash').textContent()).resolves.toMatch(/^Clock advanced/)
    expect(namespace.clock.now().getTime()).toBe(after)
    await shot('04-clock-advanced')

    await openAuthjsView()
    const short = page.locator('[data-user="u1"] tr[data-session="tok-short"] td[data-ttl-state]')
    await expect(short.getAttribute('data-ttl-state')).resolves.toBe('expired')
    await expect(short.textContent()).resolves.toBe('expired 1h ago, not swept yet')
    const long = page.locator('[data-user="u1"] tr[data-session="tok-long"] td[data-ttl-state]')
    await expect(long.getAttribute('data-ttl-state')).resolves.toBe('live')
    await shot('05-authjs-view-expired')
  })

  test('sweeps now: the expired session and token are gone, the others stay', async () => {
    await page.goto(`/_emulator/inspector/namespaces/${namespace.id}`)
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Sweep now' }).click(),
    ])
    await expect(page.locator('#flash').textContent()).resolves.toBe('Swept: 2 deleted')
    await openAuthjsView()
    await expect(page.locator('tr[data-session="tok-short"]').count()).resolves.toBe(0)
    await expect(page.locator('tr[data-session="tok-long"]').count()).resolves.toBe(1)
    await expect(page.locator('tr[data-verification-token]').count()).resolves.toBe(0)
    await shot('06-authjs-view-swept')
  })

  test('pages through items and filters them by key prefix', async () => {
    await page.goto(`/_emulator/inspector/namespaces/${namespace.id}/tables/next-auth`)
    await expect(page.locator('tr[data-item-key]').count()).resolves.toBe(25)
    const firstPage = await page
      .locator('tr[data-item-key]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-item-key')))
    await page.getByRole('link', { name: 'Next page' }).click()
    const secondPage = await page
      .locator('tr[data-item-key]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-item-key')))
    expect(secondPage.length).toBe(21) // 46 items left after the sweep
    expect(secondPage.filter((key) => firstPage.includes(key))).toEqual([])
    await expect(page.getByRole('link', { name: 'Next page' }).count()).resolves.toBe(0)

    await page.locator('input[name="prefix"]').fill('SESSION#')
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Filter' }).click(),
    ])
    const filtered = await page
      .locator('tr[data-item-key]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-item-key')))
    expect(filtered).toEqual(['USER#u1|SESSION#tok-long'])
    await expect(page.locator('tr[data-item-key] td.ttl-live').textContent()).resolves.toMatch(
      /^live, expires in 29d 22h$/,
    )
    await shot('07-items-filtered')
  })

  test('shows item data written by clients as text, never as markup', async () => {
    await openAuthjsView()
    await expect(page.locator('[data-user="u2"] h3').textContent()).resolves.toContain(hostile)
    await page.goto(
      `/_emulator/inspector/namespaces/${namespace.id}/tables/next-auth?prefix=USER%23u2`,
    )
    await expect(page.locator('pre').first().textContent()).resolves.toContain(
      JSON.stringify(hostile),
    )
    expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined()
    await expect(page.locator('img').count()).resolves.toBe(0)
  })

  test('removes a fault rule from the page', async () => {
    await page.goto(`/_emulator/inspector/namespaces/${namespace.id}`)
    await Promise.all([
      page.waitForEvent('load'),
      page.locator('tr[data-fault="fault-1"]').getByRole('button', { name: 'Remove' }).click(),
    ])
    expect(namespace.faults.list()).toEqual([])
    await expect(page.locator('#faults').textContent()).resolves.toMatch(/No fault rules/)
  })

  test('sets the clock to a date, and puts it back on real time', async () => {
    await page.goto(`/_emulator/inspector/namespaces/${namespace.id}`)
    await page.locator('form[data-kind="set"] input[name="date"]').fill('2035-06-01T12:00:00')
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Set' }).click(),
    ])
    // The form reads the date in the browser's time zone.
    const expected = await page.evaluate(() => new Date('2035-06-01T12:00:00').toISOString())
    await expect(page.locator('#clock-now').getAttribute('datetime')).resolves.toBe(expected)
    expect(namespace.clock.now().toISOString()).toBe(expected)
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Back to real time' }).click(),
    ])
    expect(Math.abs(namespace.clock.now().getTime() - Date.now())).toBeLessThan(60_000)
  })

  test('truncates a table, and restores a snapshot, from the page', async () => {
    const snapshot = await namespace.snapshot({ tableName: 'next-auth' })
    const count = () => page.locator('tr[data-table="next-auth"] td').nth(1).textContent()
    await page.goto(`/_emulator/inspector/namespaces/${namespace.id}`)
    await expect(count()).resolves.toBe(String(snapshot.items))
    await Promise.all([
      page.waitForEvent('load'),
      page.locator('tr[data-table="next-auth"]').getByRole('button', { name: 'Truncate' }).click(),
    ])
    await expect(page.locator('#flash').textContent()).resolves.toBe(
      `Truncated: ${snapshot.items} deleted`,
    )
    await expect(count()).resolves.toBe('0')
    await expect(page.locator('#snapshots').textContent()).resolves.toContain(snapshot.id)
    await Promise.all([
      page.waitForEvent('load'),
      page.locator('#snapshots').getByRole('button', { name: 'Restore' }).click(),
    ])
    await expect(count()).resolves.toBe(String(snapshot.items))
    await shot('08-restored')
  })

  test('answers 404 pages for unknown namespaces and tables, names escaped', async () => {
    const response = await page.goto('/_emulator/inspector/namespaces/%3Cb%3Ebold%3C%2Fb%3E')
    expect(response?.status()).toBe(404)
    await expect(page.locator('main p').textContent()).resolves.toBe(
      'No namespace <b>bold</b>: it was deleted, or never made.',
    )
    const table = await page.goto(`/_emulator/inspector/namespaces/${namespace.id}/tables/nope`)
    expect(table?.status()).toBe(404)
  })
})
