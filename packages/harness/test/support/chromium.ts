import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

/** Debian's Chromium; `CHROMIUM_PATH` points elsewhere. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Why browser tests are skipped here, or undefined when they run: in CI (`CI=true`, where
 * `.ci/run` installs Chromium) they always run, so a missing browser fails loudly.
 */
export const skipWithoutChromium: string | undefined =
  process.env.CI || existsSync(chromiumPath)
    ? undefined
    : `skipped: no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`

/** Bound for every Playwright wait, so a broken page fails, never hangs. */
export const browserTimeoutMs = 30_000

/**
 * Headless Chromium from the system (playwright-core downloads no browser); Playwright gives it
 * a fresh profile directory of its own.
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
