import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    maxWorkers: 4,
    // Each test runs `pnpm start`: an install check, a cached build, then the emulator.
    testTimeout: 180_000,
  },
})
