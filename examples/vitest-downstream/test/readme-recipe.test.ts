import { spawn } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readmeRecipe } from './support/readme-recipe.js'

// Four copies of the harness README's vitest recipe, run as a project of their own at four
// workers: the recipe once failed only when several files ran in parallel.
const copies = 4
const projectDir = fileURLToPath(new URL('../.readme-recipe/', import.meta.url))
const vitestBin = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url))

interface Report {
  numPassedTests: number
  numFailedTests: number
  testResults: Array<{ assertionResults: Array<{ status: string; failureMessages: string[] }> }>
}

function runRecipe(pool: 'threads' | 'forks'): Promise<{ report: Report; output: string }> {
  const outputFile = `${projectDir}report-${pool}.json`
  // The outer run's VITEST* variables must not leak into the inner one.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(VITEST|TEST$|AUTH_DYNAMO_VITEST_)/.test(name),
    ),
  )
  const child = spawn(
    process.execPath,
    [
      vitestBin,
      'run',
      `--pool=${pool}`,
      '--maxWorkers=4',
      // Not part of the recipe: room for a loaded CI machine running four workers on two cores.
      '--testTimeout=60000',
      '--reporter=json',
      `--outputFile=${outputFile}`,
    ],
    { cwd: projectDir, env: { ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
  )
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  return new Promise((resolve, reject) => {
    child.on('close', () => {
      readFile(outputFile, 'utf8').then(
        (json) => resolve({ report: JSON.parse(json) as Report, output }),
        () => reject(new Error(`the recipe run wrote no report; output: ${output}`)),
      )
    })
  })
}

describe(`${copies} copies of the README's vitest recipe, in parallel`, () => {
  beforeAll(async () => {
    await rm(projectDir, { recursive: true, force: true })
    await mkdir(projectDir, { recursive: true })
    await writeFile(`${projectDir}vitest.config.ts`, await readmeRecipe('vitest.config.ts'))
    const testFile = await readmeRecipe('session-expiry.test.ts')
    for (let copy = 1; copy <= copies; copy++) {
      await writeFile(`${projectDir}session-expiry-${copy}.test.ts`, testFile)
    }
  })
  afterAll(() => rm(projectDir, { recursive: true, force: true }))

  it.each(['threads', 'forks'] as const)(
    'pass at 4 workers in the %s pool',
    async (pool) => {
      const { report, output } = await runRecipe(pool)
      const failures = report.testResults.flatMap((file) =>
        file.assertionResults.flatMap((result) => result.failureMessages),
      )
      expect(failures, output).toEqual([])
      expect(report.numPassedTests).toBe(copies)
    },
    180_000,
  )
})
