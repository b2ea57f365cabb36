import { existsSync } from 'node:fs'
import { type Browser, type BrowserContext, chromium } from 'playwright-core'

/** Debian's Chromium; `CHROMIUM_PATH` points elsewhere. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Why the browser tests are skipped on this machine, or undefined when they run. A developer
 * without Chromium gets skips that say how to install it; in CI (`CI=true`, where `.ci/run`
 * installs Chromium) they always run, so a missing browser fails loudly.
 */
export const skipWithoutChromium: string | undefined =
  process.env.CI || existsSync(chromiumPath)
    ? undefined
    : `skipped: no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`

/** Bound for every Playwright wait (selectors, navigations), so a broken flow fails, never hangs. */
export const browserTimeoutMs = 15_000

/**
 * Launches headless Chromium from the system (playwright-core downloads no browser).
 * @throws Error naming the install command when Chromium is missing
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    )
  }
  return chromium.launch({
    executablePath: chromiumPath,
    timeout: 30_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A fresh browser context (its own cookies) on the app, with bounded waits. */
export async function newAppContext(browser: Browser, appUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: appUrl })
  context.setDefaultTimeout(browserTimeoutMs)
  context.setDefaultNavigationTimeout(browserTimeoutMs)
  return context
}
