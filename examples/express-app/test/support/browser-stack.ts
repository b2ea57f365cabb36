import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { launchChromium, newAppContext } from './chromium.js'
import { type Stack, startStack } from './stack.js'

/** What {@link useBrowserStack} gives each test. */
export interface BrowserStack {
  /** The file's emulator and app. */
  readonly stack: Stack
  /** This test's browser context: its own cookies and virtual authenticators. */
  readonly context: BrowserContext
  /** This test's page, on the app's origin. */
  readonly page: Page
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not started: use it inside a test`)
  return value
}

/**
 * Registers the hooks of an end-to-end file: one emulator, app and Chromium for the file, a fresh
 * browser context per test, all closed afterwards. A failed test prints the page's URL and
 * whatever Auth.js logged as an error.
 */
export function useBrowserStack(): BrowserStack {
  let stack: Stack | undefined
  let browser: Browser | undefined
  let context: BrowserContext | undefined
  let page: Page | undefined

  beforeAll(async () => {
    stack = await startStack()
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })
  beforeEach(async ({ onTestFailed }) => {
    const current = started(stack, 'the stack')
    current.clearAuthErrors()
    context = await newAppContext(started(browser, 'Chromium'), current.app.url)
    const currentPage = await context.newPage()
    page = currentPage
    onTestFailed(() => {
      console.error(`page at failure: ${currentPage.url()}`)
      if (current.authErrors.length > 0) console.error('Auth.js errors:', current.authErrors)
    })
  })
  afterEach(async () => {
    await context?.close()
    context = undefined
    page = undefined
  })

  return {
    get stack() {
      return started(stack, 'the stack')
    },
    get context() {
      return started(context, 'the browser context')
    },
    get page() {
      return started(page, 'the page')
    },
  }
}
