import { type BrowserStack, useBrowserStack as useStack } from 'example-support/browser-stack'
import { type Stack, startStack } from './stack.js'

/**
 * The hooks of an end-to-end file: this app and its emulator, Chromium, and a fresh browser
 * context per test. A failed test also prints whatever Auth.js logged as an error.
 */
export function useBrowserStack(): BrowserStack<Stack> {
  return useStack(startStack, {
    beforeEach: (stack) => stack.clearAuthErrors(),
    onTestFailed: (stack) => {
      if (stack.authErrors.length > 0) console.error('Auth.js errors:', stack.authErrors)
    },
  })
}
