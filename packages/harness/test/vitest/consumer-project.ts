import { spawn } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const harnessDir = fileURLToPath(new URL('../../', import.meta.url))
const fixtureDir = fileURLToPath(new URL('../fixtures/vitest-project/', import.meta.url))
const isolationTemplate = fileURLToPath(
  new URL('../fixtures/isolation.spec.template.js', import.meta.url),
)

/** How many copies of the isolation file run side by side in the fixture project. */
export const ISOLATION_FILES = 8

/** Bound for one fixture run: it starts vitest, an emulator and eleven test files. */
const RUN_MS = 120_000

/** A downstream project in a temporary directory, laid out as `npm install` would. */
export interface ConsumerProject {
  readonly dir: string
  /** The version of the vitest the project runs. */
  readonly vitestVersion: string
  /** Runs the project's tests once with the given pool. */
  run(pool: 'threads' | 'forks'): Promise<FixtureRun>
  remove(): Promise<void>
}

/** The outcome of one fixture run, from vitest's json reporter. */
export interface FixtureRun {
  exitCode: number | null
  output: string
  report: {
    numTotalTests: number
    numPassedTests: number
    numFailedTests: number
    numPendingTests: number
    testResults: Array<{
      assertionResults: Array<{ title: string; status: string; failureMessages?: string[] }>
    }>
  }
}

/**
 * Builds a project that depends on the BUILT `@auth-dynamo/harness` and on the given vitest
 * package: the harness is copied (not linked) into node_modules, so its peer import of `vitest`
 * resolves to the project's vitest, as in a real install; its other dependencies are linked
 * to the workspace's copies.
 *
 * @param vitestPackage - name of the workspace dependency that holds the vitest to use
 *   (`vitest`, or an alias such as `vitest3`)
 * @param options - how many copies of the isolation file to add
 */
export async function createConsumerProject(
  vitestPackage: string,
  { isolationFiles = ISOLATION_FILES }: { isolationFiles?: number } = {},
): Promise<ConsumerProject> {
  const dir = await mkdtemp(join(tmpdir(), 'auth-dynamo-consumer-'))
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
  const links: Record<string, string> = { vitest: vitestPackage }
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
  for (let copy = 1; copy <= isolationFiles; copy++) {
    await cp(isolationTemplate, join(dir, 'tests', `isolation-${copy}.spec.js`))
  }
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  )
  const vitestManifest = JSON.parse(
    await readFile(join(modules, 'vitest', 'package.json'), 'utf8'),
  ) as { version: string }
  return {
    dir,
    vitestVersion: vitestManifest.version,
    run: (pool) => runVitest(dir, pool),
    remove: () => rm(dir, { recursive: true, force: true }),
  }
}

function runVitest(dir: string, pool: 'threads' | 'forks'): Promise<FixtureRun> {
  const reportFile = join(dir, `results-${pool}.json`)
  // The outer vitest marks its workers with VITEST* and TEST variables; the inner run must
  // start clean, and without any AUTH_DYNAMO_VITEST_* override from the developer's shell, nor
  // the SDK notice switch CI sets (the globalSetup must hide the notice itself).
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^(VITEST|TEST$|AUTH_DYNAMO_VITEST_|AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED$)/.test(
          name,
        ),
    ),
  )
  const child = spawn(
    process.execPath,
    [
      join(dir, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      `--pool=${pool}`,
      // Four workers on any machine: vitest would use one on a 2-core box and hide leaks.
      '--maxWorkers=4',
      '--reporter=json',
      `--outputFile=${reportFile}`,
    ],
    { cwd: dir, env: { ...env, FIXTURE_POOL: pool }, stdio: ['ignore', 'pipe', 'pipe'] },
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
      reject(new Error(`the fixture run did not end within ${RUN_MS} ms; output: ${output}`))
    }, RUN_MS)
    child.on('close', (exitCode) => {
      clearTimeout(timer)
      readFile(reportFile, 'utf8').then(
        (json) => resolve({ exitCode, output, report: JSON.parse(json) as FixtureRun['report'] }),
        () =>
          reject(
            new Error(`the fixture run wrote no report (exit ${exitCode}); output: ${output}`),
          ),
      )
    })
  })
}
