import { skipWithoutChromium } from 'example-support/chromium'
import { describe, expect, test } from 'vitest'
import { useBrowserStack } from './support/browser-stack.js'
import {
  pathOf,
  requestEmailLink,
  sessionToken,
  shownEmail,
  signInWithEmailLink,
  signOut,
  waitForPath,
} from './support/user-flows.js'

describe.skipIf(skipWithoutChromium !== undefined)(
  `sign-in by email magic link${skipWithoutChromium ? ` (${skipWithoutChromium})` : ''}`,
  () => {
    const e2e = useBrowserStack()

    test('the link signs the user in, the session lives in the table, and sign-out deletes it', async () => {
      const { stack, context, page } = e2e
      const email = 'magic@example.com'

      await signInWithEmailLink(page, email)
      expect(await shownEmail(page)).toBe(email)

      const token = await sessionToken(context)
      expect(token).toBeDefined()
      const users = await stack.items('user')
      expect(users).toEqual([expect.objectContaining({ email, emailVerified: expect.any(String) })])
      expect(await stack.items('session')).toEqual([
        expect.objectContaining({
          sessionToken: token,
          userId: users[0]?.id,
          expires: expect.any(Number),
        }),
      ])

      await signOut(page)
      expect(await sessionToken(context)).toBeUndefined()
      expect(await stack.items('session')).toEqual([])

      await page.goto('/protected')
      await waitForPath(page, '/signin')
      expect(stack.authErrors).toEqual([])
    })

    test('a link works once: opened again, it lands on sign-in with an error', async () => {
      const { stack, context, page } = e2e
      const email = 'once@example.com'
      const link = await requestEmailLink(page, email)
      const isThisUsersToken = (item: Record<string, unknown>) => item.identifier === email
      expect((await stack.items('verificationToken')).filter(isThisUsersToken)).toHaveLength(1)

      await page.goto(link)
      await waitForPath(page, '/protected')
      expect((await stack.items('verificationToken')).filter(isThisUsersToken)).toEqual([])

      await signOut(page)
      await page.goto(link)
      await waitForPath(page, '/signin')
      expect(new URL(page.url()).searchParams.get('error')).toBe('Verification')
      expect(await page.getByRole('alert').first().textContent()).toContain(
        'expired or was already used',
      )
      expect(pathOf(page)).toBe('/signin')
      expect(await sessionToken(context)).toBeUndefined()
      expect(stack.authErrors).toEqual([expect.objectContaining({ type: 'Verification' })])
    })
  },
)
