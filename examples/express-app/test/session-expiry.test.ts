import { skipWithoutChromium } from 'example-support/chromium'
import { describe, expect, test } from 'vitest'
import { useBrowserStack } from './support/browser-stack.js'
import {
  pathOf,
  sessionToken,
  shownEmail,
  signInWithEmailLink,
  waitForPath,
} from './support/user-flows.js'

describe.skipIf(skipWithoutChromium !== undefined)(
  `session expiry on the emulator clock${skipWithoutChromium ? ` (${skipWithoutChromium})` : ''}`,
  () => {
    const e2e = useBrowserStack()

    test('once TTL removes the expired session, the browser is sent back to sign-in', async () => {
      const { stack, context, page } = e2e
      const email = 'expiry@example.com'
      await signInWithEmailLink(page, email)
      const token = await sessionToken(context)
      const [session] = (await stack.items('session')).filter((item) => item.sessionToken === token)
      const expires = session?.expires
      if (typeof expires !== 'number')
        throw new Error(`no session item with an expiry for ${token}`)

      // A minute before expiry, the sweep keeps the session and the page stays open.
      stack.emulator.clock.set(new Date((expires - 60) * 1000))
      await stack.emulator.sweep()
      expect(await stack.items('session')).toContainEqual(
        expect.objectContaining({ sessionToken: token }),
      )
      await page.reload()
      expect(pathOf(page)).toBe('/protected')
      expect(await shownEmail(page)).toBe(email)

      // Just past expiry, the sweep deletes it, as DynamoDB's TTL would.
      stack.emulator.clock.set(new Date((expires + 1) * 1000))
      expect((await stack.emulator.sweep()).deleted).toBeGreaterThanOrEqual(1)
      expect(await stack.items('session')).toEqual([])
      expect(await stack.items('user')).toContainEqual(expect.objectContaining({ email }))

      await page.reload()
      await waitForPath(page, '/signin')
      expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/protected')
      await page.getByRole('button', { name: 'Email me a sign-in link' }).waitFor()
      expect(stack.authErrors).toEqual([])
    })
  },
)
