// Per-file cost of a DynamoDB in a vitest suite (issue 13 §2): wall time of `vitest run` on
// generated suites of 20 and 80 files x 10 tests x 5 calls, with 4 workers, in both pools, for
// each way of getting a DynamoDB (bench/suite/sides.mjs), against the same suite with no
// database (the floor). Reproduce with: npx pnpm@10 --filter @auth-dynamo/bench bench:vitest
// Sides alternate in order round by round, so machine noise hits all alike.
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sides } from './suite/sides.mjs'
import { testFileSource } from './suite/test-body.mjs'
import { median, printTable } from './support/stats.mjs'

const rounds = Number(process.env.BENCH_SUITE_ROUNDS ?? 2)
const fileCounts = (process.env.BENCH_SUITE_FILES ?? '20,80').split(',').map(Number)
const pools = (process.env.BENCH_SUITE_POOLS ?? 'threads,forks').split(',')
const only = process.env.BENCH_SUITE_SIDES?.split('|')
const root = fileURLToPath(new URL('./.suite-tmp/', import.meta.url))
const vitestBin = fileURLToPath(new URL('./node_modules/vitest/vitest.mjs', import.meta.url))
const floor = 'no database (floor)'
const dynalite = 'bare dynalite 4.0.0 (one server, CreateTable per file)'
const ours = '@auth-dynamo/harness: fileNamespace()'
const chosen = Object.keys(sides).filter(
  (side) => !only || side === floor || only.some((name) => side.includes(name)),
)

await main()

async function main() {
  rmSync(root, { recursive: true, force: true })
  installPackedHarness()
  const rows = []
  for (const files of fileCounts) {
    const projects = Object.fromEntries(chosen.map((side) => [side, writeProject(side, files)]))
    for (const pool of pools) {
      const times = Object.fromEntries(chosen.map((side) => [side, []]))
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 ? [...chosen].reverse() : chosen
        for (const side of order) {
          times[side].push(await runSuite(projects[side], pool))
          console.error(
            `${files} files, ${pool}, round ${round + 1}: ${side}: ${(times[side].at(-1) / 1000).toFixed(2)} s`,
          )
        }
      }
      const wall = (side) => median(times[side])
      // Ratios are also taken round by round (the sides of one round run minutes apart at most)
      // and their median given: on a shared 2-core machine the load drifts between rounds by
      // more than the differences measured, and a paired ratio cancels what a round shares.
      const paired = (ratio) =>
        median(times[floor].map((_, round) => ratio((side) => times[side][round])))
      const x = (value) => `${value.toFixed(2)}x`
      for (const side of chosen) {
        const above = wall(side) - wall(floor)
        const aboveOurs = (at) => (at(side) - at(floor)) / (at(ours) - at(floor))
        rows.push({
          files,
          pool,
          side,
          'wall (s)': (wall(side) / 1000).toFixed(2),
          'above floor (s)': side === floor ? '' : (above / 1000).toFixed(2),
          'vs bare dynalite': times[dynalite]
            ? `${x(wall(side) / wall(dynalite))} (paired ${x(paired((at) => at(side) / at(dynalite)))})`
            : '',
          'above floor, vs ours':
            times[ours] && side !== floor && side !== ours
              ? `${x(above / (wall(ours) - wall(floor)))} (paired ${x(paired(aboveOurs))})`
              : '',
        })
      }
    }
  }
  console.log(
    `vitest suites: ${rounds} round(s) per cell, medians; 10 tests x 5 calls per file, --maxWorkers=4`,
  )
  printTable(rows)
}

// The harness as users get it: its packed tarball unpacked under node_modules, where vitest
// loads it with Node's own import. The workspace link (bench/node_modules ->
// packages/harness) is outside node_modules, so vitest would transform and evaluate the package
// through its module runner for every test file instead: 1.16x bare dynalite instead of 1.04x
// when measured side by side. Its dependencies are the workspace package's installed ones.
function installPackedHarness() {
  const harness = fileURLToPath(new URL('../packages/harness/', import.meta.url))
  const target = `${root}node_modules/@auth-dynamo/harness`
  mkdirSync(target, { recursive: true })
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', root], {
    cwd: harness,
  })
    .toString()
    .trim()
    .split('\n')
    .at(-1)
  execFileSync('tar', ['-xzf', `${root}${tarball}`, '-C', target, '--strip-components=1'])
  symlinkSync(`${harness}node_modules`, `${target}/node_modules`)
}

function writeProject(side, files) {
  const { files: extra, config, imports, setup, teardown, calls = true } = sides[side]
  const directory = `${root}${chosen.indexOf(side)}-${files}/`
  mkdirSync(`${directory}tests`, { recursive: true })
  for (const [name, source] of Object.entries(extra)) writeFileSync(`${directory}${name}`, source)
  writeFileSync(
    `${directory}vitest.config.mjs`,
    `export default { test: ${JSON.stringify({
      include: ['tests/**/*.test.mjs'],
      testTimeout: 120_000,
      hookTimeout: 120_000,
      ...config,
    })} }\n`,
  )
  for (let file = 0; file < files; file++) {
    writeFileSync(
      `${directory}tests/file-${file}.test.mjs`,
      testFileSource({ imports, setup, teardown, file, calls }),
    )
  }
  return directory
}

function runSuite(directory, pool) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(
      process.execPath,
      [vitestBin, 'run', `--pool=${pool}`, '--maxWorkers=4', '--reporter=dot'],
      {
        cwd: directory,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      },
    )
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.once('error', reject)
    child.once('exit', (code) => {
      if (code === 0) resolve(performance.now() - started)
      else
        reject(new Error(`vitest run in ${directory} exited with ${code}:\n${output.slice(-3000)}`))
    })
  })
}
