import type { BrowserContext, Page } from 'playwright-core'

/** Auth.js's session cookie on plain http (no `__Secure-` prefix). */
export const sessionCookieName = 'authjs.session-token'

/** The path of the page's current URL. */
export function pathOf(page: Page): string {
  return new URL(page.url()).pathname
}

/** Waits for a navigation to `path`, whatever the query string. */
export async function waitForPath(page: Page, path: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === path)
}

/** Fills in the sign-in page's email form and sends it (a server action calling `signIn`). */
export async function submitEmail(page: Page, email: string, callbackUrl?: string): Promise<void> {
  await page.goto(
    callbackUrl === undefined ? '/signin' : `/signin?${new URLSearchParams({ callbackUrl })}`,
  )
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
}

/**
 * Asks for a magic link on the sign-in page and waits for Auth.js's "check your email" page.
 * @returns the link, read from the app's dev inbox page as a user would read their mail
 */
export async function requestEmailLink(
  page: Page,
  email: string,
  callbackUrl?: string,
): Promise<string> {
  await submitEmail(page, email, callbackUrl)
  await waitForPath(page, '/api/auth/verify-request')
  await page.getByText('Check your email').waitFor()
  await page.goto('/dev/inbox')
  const href = await page.locator(`li[data-to="${email}"] a`).first().getAttribute('href')
  if (href === null) throw new Error(`the dev inbox shows no link for ${email}`)
  return href
}

/** Signs in by magic link and waits for the protected page. */
export async function signInWithEmailLink(page: Page, email: string): Promise<void> {
  await page.goto(await requestEmailLink(page, email))
  await waitForPath(page, '/protected')
}

/** The email the page shows as the signed-in user's. */
export function shownEmail(page: Page): Promise<string | null> {
  return page.getByTestId('user-email').textContent()
}

/** Signs out from the protected page and waits for the home page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.getByText('You are not signed in.').waitFor()
}

/** The value of the browser's Auth.js session cookie, or `undefined` when it has none. */
export async function sessionToken(context: BrowserContext): Promise<string | undefined> {
  const cookies = await context.cookies()
  return cookies.find((cookie) => cookie.name === sessionCookieName)?.value
}
