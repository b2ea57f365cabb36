import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Runs `next build` once, without AWS or Auth.js variables, before any file starts a server.
    globalSetup: ['test/support/next-build.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    // Each file runs its own `next start`, emulator and Chromium; four at once on a 2-core CI
    // machine starved each other past Playwright's 15 s bound on a first page load.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    },
  },
})
