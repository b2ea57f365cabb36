import { type BrowserStack, useBrowserStack as useStack } from 'example-support/browser-stack'
import { type Stack, type StackOptions, startStack } from './stack.js'

/**
 * The hooks of an end-to-end file: the built app on `next start` and its emulator, Chromium,
 * and a fresh browser context per test. A failed test also prints the server's output.
 */
export function useBrowserStack(options: StackOptions = {}): BrowserStack<Stack> {
  return useStack(() => startStack(options), {
    beforeEach: (stack) => stack.clearServerLog(),
    onTestFailed: (stack) => console.error(`next start output:\n${stack.app.output()}`),
  })
}
