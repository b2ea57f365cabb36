import { outsideAdapterPolicy } from 'example-support/adapter-policy'
import { skipWithoutChromium } from 'example-support/chromium'
import { addVirtualAuthenticator } from 'example-support/virtual-authenticator'
import { describe, expect, test } from 'vitest'
import { useBrowserStack } from './support/browser-stack.js'
import { appAccessKeyId } from './support/stack.js'
import {
  sessionToken,
  shownEmail,
  signInWithEmailLink,
  signOut,
  waitForPath,
} from './support/user-flows.js'

const sameBytes = (base64: unknown, other: string) =>
  typeof base64 === 'string' && Buffer.from(base64, 'base64').equals(Buffer.from(other, 'base64'))

describe.skipIf(skipWithoutChromium !== undefined)(
  `passkeys through next-auth/webauthn${skipWithoutChromium ? ` (${skipWithoutChromium})` : ''}`,
  () => {
    const e2e = useBrowserStack()

    test('register a passkey, sign out, sign back in with it: the counter is stored', async () => {
      const { stack, context, page } = e2e
      const email = 'passkey@example.com'
      const authenticator = await addVirtualAuthenticator(context, page)

      await signInWithEmailLink(page, email)
      await page.getByRole('button', { name: 'Register a passkey' }).click()
      await page.locator('[data-testid="passkey-count"]', { hasText: /^1$/ }).waitFor()

      const [credential] = await authenticator.credentials()
      expect(credential).toMatchObject({ isResidentCredential: true })
      const [user] = await stack.items('user')
      const [registered] = await stack.items('authenticator')
      expect(registered).toMatchObject({ userId: user?.id, counter: credential?.signCount })
      expect(sameBytes(registered?.credentialID, credential?.credentialId ?? '')).toBe(true)
      expect(await stack.items('account')).toContainEqual(
        expect.objectContaining({
          provider: 'passkey',
          type: 'webauthn',
          providerAccountId: registered?.credentialID,
          userId: user?.id,
        }),
      )

      await signOut(page)
      expect(await stack.items('session')).toEqual([])

      await page.goto('/signin')
      await page.getByRole('button', { name: 'Sign in with a passkey' }).click()
      await waitForPath(page, '/protected')
      expect(await shownEmail(page)).toBe(email)
      expect(await stack.items('session')).toEqual([
        expect.objectContaining({ sessionToken: await sessionToken(context), userId: user?.id }),
      ])

      const [afterSignIn] = await authenticator.credentials()
      const [stored] = await stack.items('authenticator')
      expect(afterSignIn?.signCount).toBeGreaterThan(credential?.signCount ?? Number.NaN)
      expect(stored).toMatchObject({
        credentialID: registered?.credentialID,
        counter: afterSignIn?.signCount,
      })

      expect(stack.authErrors()).toEqual([])
      const sent = Object.keys(stack.emulator.operations({ accessKeyId: appAccessKeyId }))
      expect(sent).toEqual(expect.arrayContaining(['PutItem', 'UpdateItem']))
      expect(outsideAdapterPolicy(sent)).toEqual([])
    })
  },
)
