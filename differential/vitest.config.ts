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
  // A case sends up to about 40 requests to each backend; on a loaded machine DynamoDB Local can
  // take seconds for one (a request that gets no answer at all fails after 60 s).
  testTimeout: 180_000,
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
          // One worker with ten cases in flight: the work happens in the two backends and a worker
          // only waits on sockets. Measured on a 2-core machine, four workers cost about a third
          // more CPU for the run (each loads vitest and the corpus) and finished no sooner. The
          // suite passes with --maxWorkers=4 too.
          maxWorkers: 1,
          maxConcurrency: 10,
          // The cases keep no state in the worker: sharing its modules saves loading them per file.
          isolate: false,
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
