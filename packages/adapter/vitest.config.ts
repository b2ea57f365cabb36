import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Test files run side by side as users run them: one file's state must never reach another's
    // (a 2-core machine would default to one worker and hide such leaks).
    maxWorkers: 4,
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // One DynamoDB Local for the run: every integration test runs on it as well as on the emulator.
    globalSetup: ['test/support/dynamodb-local.global-setup.ts'],
    setupFiles: ['test/support/least-privilege.setup.ts'],
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    },
  },
})
