import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { corpus } from './corpus/index.js'
import { SummaryReporter } from './src/summary-reporter.js'

const corpusIds = corpus.flatMap((area) =>
  area.cases.map((diffCase) => `${area.area}/${diffCase.id}`),
)
const sequentialFiles = corpus
  .filter((area) => area.sequential !== undefined)
  .map((area) => `test/${area.area}.test.ts`)
// Shared by both projects. Not `extends: true`: the projects would inherit the root's
// globalSetup and start their own backends; the root's runs once and both inherit what it provides.
const shared = {
  testTimeout: 60_000,
  env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
}

export default defineConfig({
  test: {
    reporters: [
      'default',
      ['json', { outputFile: 'test-results.json' }],
      new SummaryReporter({
        corpusIds,
        outputFile: fileURLToPath(new URL('./results.json', import.meta.url)),
      }),
    ],
    globalSetup: ['test/global-setup.ts'],
    // DynamoDB Local's JVM takes seconds to start, more on a busy machine.
    hookTimeout: 120_000,
    projects: [
      {
        test: {
          ...shared,
          name: 'concurrent',
          include: ['test/**/*.test.ts'],
          exclude: sequentialFiles,
          maxWorkers: 4,
          sequence: { groupOrder: 0 },
        },
      },
      {
        // DynamoDB Local answers InternalFailure (500) or LimitExceededException to index changes
        // that overlap other table operations: these areas run after the rest, one at a time.
        test: {
          ...shared,
          name: 'sequential',
          include: sequentialFiles,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
