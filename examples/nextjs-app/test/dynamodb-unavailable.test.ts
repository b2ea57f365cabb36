import { skipWithoutChromium } from 'example-support/chromium'
import { describe, expect, test } from 'vitest'
import { useBrowserStack } from './support/browser-stack.js'
import { type Stack, tableName } from './support/stack.js'
import { pathOf, signInWithEmailLink, submitEmail, waitForPath } from './support/user-flows.js'

const outages = [
  {
    name: 'the table is missing',
    breakDynamoDB: (stack: Stack) => stack.emulator.deleteTable(tableName),
    // The adapter's message names the table and what to create.
    cause: new RegExp(`table "${tableName}" was not found.*Create a table "${tableName}"`),
  },
  {
    name: 'the endpoint is down',
    breakDynamoDB: (stack: Stack) => stack.emulator.stop(),
    cause: /ECONNREFUSED/,
  },
]

describe.skipIf(skipWithoutChromium !== undefined)(
  `when DynamoDB cannot answer${skipWithoutChromium ? ` (${skipWithoutChromium})` : ''}`,
  () => {
    describe.each(outages)('$name', ({ breakDynamoDB, cause }) => {
      const e2e = useBrowserStack()

      test("the user is signed out and signing in shows Auth.js's error page; the server logs why", async () => {
        const { stack, page } = e2e
        await signInWithEmailLink(page, 'outage@example.com')
        await breakDynamoDB(stack)

        // Auth.js logs the adapter's error, then reads the session it could not load as none.
        await page.reload()
        await waitForPath(page, '/signin')
        expect(stack.authErrors()).toEqual([
          expect.stringMatching(/^\[auth\]\[error\] AdapterError.*getSessionAndUser/s),
          expect.stringMatching(/^\[auth\]\[error\] SessionTokenError/),
        ])
        expect(stack.authErrors()[0]).toMatch(cause)

        // Asking for a link needs the table: Auth.js's error page, not a crashed page.
        stack.clearServerLog()
        await submitEmail(page, 'outage@example.com')
        await waitForPath(page, '/api/auth/error')
        expect(new URL(page.url()).searchParams.get('error')).toBe('Configuration')
        await page.getByRole('heading', { name: 'Server error' }).waitFor()
        expect(await page.textContent('body')).toContain(
          'There is a problem with the server configuration.',
        )
        expect(await page.textContent('body')).not.toContain("couldn't load")
        expect(pathOf(page)).toBe('/api/auth/error')
        // Logged twice: where the adapter call failed, and where the action failed.
        const errors = stack.authErrors()
        expect(errors).toContainEqual(
          expect.stringMatching(/^\[auth\]\[error\] AdapterError.*getUserByEmail/s),
        )
        for (const error of errors) expect(error).toMatch(cause)
      })
    })
  },
)
