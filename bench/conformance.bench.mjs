// Emulator vs Amazon DynamoDB Local (issue 4, "Benchmarks"). Reproduce with: npx pnpm@10 bench
// Both sides run interleaved in one run, so machine noise hits both alike.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { startDynamoDBLocal } from '@auth-dynamo/conformance/dynamodb'
import { startEmulator } from '@auth-dynamo/harness'
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { median, ms, printTable } from './support/stats.mjs'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
const startupRounds = Number(process.env.BENCH_STARTUP_ROUNDS ?? 5)
const suiteRounds = Number(process.env.BENCH_SUITE_ROUNDS ?? 3)
const conformanceDir = fileURLToPath(new URL('../packages/conformance/', import.meta.url))
const vitestBin = `${conformanceDir}node_modules/vitest/vitest.mjs`
const suiteFiles = {
  emulator: 'test/dynamodb/ours-on-emulator.test.ts',
  'DynamoDB Local': 'test/dynamodb/ours-on-dynamodb-local.test.ts',
}

await main()

async function main() {
  const startups = { emulator: [], 'DynamoDB Local': [] }
  // Untimed: load the emulator's modules and warm the JIT, as a test process would have done.
  await measureStartup('emulator')
  for (let round = 0; round < startupRounds; round++) {
    for (const side of round % 2
      ? ['DynamoDB Local', 'emulator']
      : ['emulator', 'DynamoDB Local']) {
      startups[side].push(await measureStartup(side))
    }
  }

  const suites = { emulator: [], 'DynamoDB Local': [] }
  for (let round = 0; round < suiteRounds; round++) {
    for (const side of round % 2
      ? ['DynamoDB Local', 'emulator']
      : ['emulator', 'DynamoDB Local']) {
      suites[side].push(await runSuite(suiteFiles[side]))
    }
  }

  const startupRatio = median(startups['DynamoDB Local']) / median(startups.emulator)
  const wall = (side) => median(suites[side].map((run) => run.wall))
  const inTests = (side) => median(suites[side].map((run) => run.tests))
  const suiteRatio = wall('DynamoDB Local') / wall('emulator')
  const testsRatio = inTests('DynamoDB Local') / inTests('emulator')
  printTable([
    {
      measure: `startup to first answered ListTables, emulator warm in process (modules already loaded) vs DynamoDB Local spawned: not like for like, see bench:startup (median of ${startupRounds})`,
      emulator: ms(median(startups.emulator)),
      'DynamoDB Local': ms(median(startups['DynamoDB Local'])),
      'emulator faster by': `${startupRatio.toFixed(1)}x`,
      goal: '>= 20x',
    },
    {
      measure: `conformance run of @auth-dynamo/adapter (2 x 47 tests), wall time of \`vitest run <file>\` (median of ${suiteRounds})`,
      emulator: ms(wall('emulator')),
      'DynamoDB Local': ms(wall('DynamoDB Local')),
      'emulator faster by': `${suiteRatio.toFixed(1)}x`,
      goal: '>= 3x',
    },
    {
      measure: `the same runs, "tests" time as vitest reports it: hooks (backend startup) and tests, without vitest's own start (median of ${suiteRounds})`,
      emulator: ms(inTests('emulator')),
      'DynamoDB Local': ms(inTests('DynamoDB Local')),
      'emulator faster by': `${testsRatio.toFixed(1)}x`,
      goal: '',
    },
  ])
  const met = startupRatio >= 20 && suiteRatio >= 3
  console.log(met ? '\nBoth goals met.' : '\nA goal was missed.')
}

// From the call that starts the service to the first ListTables it answers; the emulator in
// process with no table (DynamoDB Local starts with none), DynamoDB Local as its JVM.
async function measureStartup(side) {
  const started = performance.now()
  if (side === 'emulator') {
    const emulator = await startEmulator({ tables: [] })
    await listTables(emulator)
    const elapsed = performance.now() - started
    await emulator.stop()
    return elapsed
  }
  // startDynamoDBLocal resolves on the first answered ListTables (polled every 100 ms).
  const local = await startDynamoDBLocal()
  const elapsed = performance.now() - started
  await local.stop()
  return elapsed
}

async function listTables({ endpoint, region, credentials }) {
  const client = new DynamoDBClient({ endpoint, region, credentials })
  try {
    await client.send(new ListTablesCommand({}))
  } finally {
    client.destroy()
  }
}

// The whole file as CI runs it: vitest's start, the backends' setup, 94 tests, teardown. The
// dot reporter keeps the package's test-results.json untouched. Resolves the wall time and the
// "tests" time vitest reports (hooks and tests, so the backend's startup, without vitest's own).
function runSuite(file) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [vitestBin, 'run', file, '--reporter=dot'], {
      cwd: conformanceDir,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.once('error', reject)
    child.once('exit', (code) => {
      const wall = performance.now() - started
      const tests = /Duration .*\btests ([\d.]+)(ms|s)\b/.exec(output)
      if (code !== 0 || !tests) {
        reject(new Error(`vitest run ${file} exited with ${code}:\n${output.slice(-2000)}`))
        return
      }
      resolve({ wall, tests: Number(tests[1]) * (tests[2] === 's' ? 1000 : 1) })
    })
  })
}
