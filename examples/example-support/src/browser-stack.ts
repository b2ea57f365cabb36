import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { launchChromium, newAppContext } from './chromium.js'

/** What a test file starts once: at least an app at a URL, and a way to stop it all. */
export interface AppStack {
  readonly app: { readonly url: string }
  close(): Promise<void>
}

/** What {@link useBrowserStack} gives each test. */
export interface BrowserStack<S extends AppStack> {
  /** The file's app (and whatever else the stack holds: its emulator...). */
  readonly stack: S
  /** This test's browser context: its own cookies and virtual authenticators. */
  readonly context: BrowserContext
  /** This test's page, on the app's origin. */
  readonly page: Page
}

/** Hooks around each test of {@link useBrowserStack}. */
export interface BrowserStackHooks<S extends AppStack> {
  /** Before each test, e.g. to forget what the previous one logged. */
  beforeEach?(stack: S): void
  /** When a test fails, after the page's URL is printed: e.g. print the server's errors. */
  onTestFailed?(stack: S): void
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not started: use it inside a test`)
  return value
}

/**
 * Registers the hooks of an end-to-end file: the stack (from `start`) and Chromium once for the
 * file, a fresh browser context per test, all closed afterwards. A failed test prints the page's
 * URL.
 *
 * @param start - starts the file's app (and its emulator); called once, in `beforeAll`
 */
export function useBrowserStack<S extends AppStack>(
  start: () => Promise<S>,
  hooks: BrowserStackHooks<S> = {},
): BrowserStack<S> {
  let stack: S | undefined
  let browser: Browser | undefined
  let context: BrowserContext | undefined
  let page: Page | undefined

  beforeAll(async () => {
    stack = await start()
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })
  beforeEach(async ({ onTestFailed }) => {
    const current = started(stack, 'the stack')
    hooks.beforeEach?.(current)
    context = await newAppContext(started(browser, 'Chromium'), current.app.url)
    const currentPage = await context.newPage()
    page = currentPage
    onTestFailed(() => {
      console.error(`page at failure: ${currentPage.url()}`)
      hooks.onTestFailed?.(current)
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
