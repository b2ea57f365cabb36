import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // One emulator for the whole run; every test file gets its own table on it.
    globalSetup: ['@auth-dynamo/harness/vitest'],
    // test-packed/ is this monorepo's check that the packed packages work here; the copy it
    // installs from tarballs leaves that folder out.
    include: ['test/**/*.test.ts', 'test-packed/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    // Four workers on any machine (vitest would pick one on a 2-core box and hide leaks).
    maxWorkers: 4,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
})
