import { spawn } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const harnessDir = fileURLToPath(new URL('../../', import.meta.url))
const fixtureDir = fileURLToPath(new URL('../fixtures/jest-project/', import.meta.url))

/** Bound for one fixture run: jest, an emulator and six test files. */
const RUN_MS = 240_000

/** A downstream jest project in a temporary directory, laid out as `npm install` would. */
export interface JestProject {
  readonly dir: string
  /** The version of the jest the project runs. */
  readonly jestVersion: string
  /** Runs the project's tests once, with up to `maxWorkers` parallel workers. */
  run(maxWorkers: number): Promise<JestRun>
  remove(): Promise<void>
}

/** The outcome of one fixture run, from jest's `--json` report. */
export interface JestRun {
  exitCode: number | null
  output: string
  report: {
    numTotalTests: number
    numPassedTests: number
    numFailedTests: number
    testResults: Array<{
      name: string
      assertionResults: Array<{ title: string; status: string; failureMessages: string[] }>
    }>
  }
}

/**
 * Builds a project that depends on the BUILT `@auth-dynamo/harness` (copied into
 * node_modules, so its requires resolve as in a real install) and on the given jest package,
 * with the harness's other dependencies linked to the workspace's copies.
 *
 * @param jestPackage - the workspace dependency that holds the jest to use (`jest`, `jest29`)
 */
export async function createJestProject(jestPackage: string): Promise<JestProject> {
  const dir = await mkdtemp(join(tmpdir(), 'auth-dynamo-jest-'))
  const modules = join(dir, 'node_modules')
  const harnessCopy = join(modules, '@auth-dynamo', 'harness')
  await mkdir(harnessCopy, { recursive: true })
  for (const entry of ['package.json', 'dist', 'bin']) {
    await cp(join(harnessDir, entry), join(harnessCopy, entry), { recursive: true })
  }
  const manifest = JSON.parse(await readFile(join(harnessDir, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>
    peerDependencies: Record<string, string>
  }
  const links: Record<string, string> = { jest: jestPackage }
  for (const name of [
    ...Object.keys(manifest.dependencies),
    ...Object.keys(manifest.peerDependencies),
  ]) {
    if (name !== 'vitest') links[name] = name
  }
  for (const [name, source] of Object.entries(links)) {
    const target = join(modules, name)
    await mkdir(dirname(target), { recursive: true })
    await symlink(await realpath(join(harnessDir, 'node_modules', source)), target, 'dir')
  }
  await cp(fixtureDir, dir, {
    recursive: true,
    filter: (source) => !source.includes(`${sep}node_modules`),
  })
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }))
  const jestManifest = JSON.parse(
    await readFile(join(modules, 'jest', 'package.json'), 'utf8'),
  ) as {
    version: string
  }
  return {
    dir,
    jestVersion: jestManifest.version,
    run: (maxWorkers) => runJest(dir, maxWorkers),
    remove: () => rm(dir, { recursive: true, force: true }),
  }
}

function runJest(dir: string, maxWorkers: number): Promise<JestRun> {
  const reportFile = join(dir, `results-${maxWorkers}.json`)
  // The outer vitest marks its workers with VITEST* and TEST variables; jest must start clean,
  // and without any AUTH_DYNAMO_JEST_* override from the developer's shell.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(VITEST|TEST$|AUTH_DYNAMO_JEST|JEST_WORKER_ID)/.test(name),
    ),
  )
  const child = spawn(
    process.execPath,
    [
      join(dir, 'node_modules', 'jest', 'bin', 'jest.js'),
      '--ci',
      '--json',
      `--outputFile=${reportFile}`,
      `--maxWorkers=${maxWorkers}`,
    ],
    { cwd: dir, env: { ...env, NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the jest run did not end within ${RUN_MS} ms; output: ${output}`))
    }, RUN_MS)
    child.on('close', (exitCode) => {
      clearTimeout(timer)
      readFile(reportFile, 'utf8').then(
        (json) => resolve({ exitCode, output, report: JSON.parse(json) as JestRun['report'] }),
        () =>
          reject(new Error(`the jest run wrote no report (exit ${exitCode}); output: ${output}`)),
      )
    })
  })
}
