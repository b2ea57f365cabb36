#!/usr/bin/env node
// Installs examples/vitest-downstream the way a user gets our packages: it packs
// @auth-dynamo/harness, /adapter and /conformance with `pnpm pack`, copies the example into a
// temporary directory outside the workspace, points its @auth-dynamo/* dependencies at the
// tarballs, installs with npm (no workspace links), then typechecks it and runs its tests.
// Exits non-zero, saying which step broke and with that step's output, when anything fails.
//
//   node scripts/check-packed-example.mjs [--out DIR] [--keep]
//
// --out DIR  where to work and leave tarballs/, app/ and result.json (default: a new temp dir)
// --keep     keep the directory afterwards (always kept with --out)
// The three packages must be built first (`npx -y pnpm@10 turbo run build`).
import { spawn } from 'node:child_process'
import { existsSync, lstatSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const exampleDir = join(root, 'examples', 'vitest-downstream')
const packages = ['harness', 'adapter', 'conformance'].map((name) => ({
  name: `@auth-dynamo/${name}`,
  dir: join(root, 'packages', name),
}))
// Only for this repository's own check: not part of the downstream repo's shape.
const leftOut = ['test-packed', 'test-results.json', 'node_modules', '.turbo']
const repoOnlyDevDependencies = ['publint', '@arethetypeswrong/cli', '@changesets/get-release-plan']

class StepError extends Error {}

const { values: args } = parseArgs({
  options: { out: { type: 'string' }, keep: { type: 'boolean', default: false } },
})

/** Runs a command; resolves to its output, or throws a StepError with the output's tail. */
function run(command, commandArgs, cwd, env = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, commandArgs, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('error', (error) =>
      reject(new StepError(`could not run ${command}: ${error.message}`)),
    )
    child.on('close', (code) => {
      if (code === 0) return resolvePromise(output)
      const tail = output.trim().split('\n').slice(-60).join('\n')
      reject(
        new StepError(
          `\`${command} ${commandArgs.join(' ')}\` in ${cwd} exited with ${code}:\n${tail}`,
        ),
      )
    })
  })
}

const pnpm = (commandArgs, cwd) => run('npx', ['-y', 'pnpm@10', ...commandArgs], cwd)

/** `pnpm pack` into `destination`; resolves to the tarball's path. */
async function pack(dir, destination) {
  const output = await pnpm(['pack', '--pack-destination', destination, '--json'], dir)
  const json = output.slice(output.indexOf('{'))
  return JSON.parse(json).filename
}

async function step(title, action) {
  console.log(`== ${title}`)
  try {
    return await action()
  } catch (error) {
    const reason = error instanceof StepError ? error.message : (error?.stack ?? String(error))
    console.error(`\ncheck-packed-example: "${title}" failed.\n${reason}`)
    process.exit(1)
  }
}

const work = args.out ? resolve(args.out) : await mkdtemp(join(tmpdir(), 'auth-dynamo-packed-'))
const tarballDir = join(work, 'tarballs')
const appDir = join(work, 'app')
await rm(tarballDir, { recursive: true, force: true })
await rm(appDir, { recursive: true, force: true })
await mkdir(tarballDir, { recursive: true })

const tarballs = await step('pack the three packages (pnpm pack)', async () => {
  const packed = {}
  for (const { name, dir } of packages) {
    if (!existsSync(join(dir, 'dist'))) {
      throw new StepError(
        `${name} is not built (${relative(root, dir)}/dist is missing): run \`npx -y pnpm@10 turbo run build\` first`,
      )
    }
    packed[name] = await pack(dir, tarballDir)
  }
  return packed
})

await step(
  `copy the example to ${appDir}, its @auth-dynamo/* dependencies on the tarballs`,
  async () => {
    // Packing the example is the copy: pnpm leaves out node_modules and resolves `catalog:`
    // versions, as a downstream repo would have them written down.
    const exampleTarball = await pack(exampleDir, work)
    await mkdir(appDir)
    await run('tar', ['-xzf', exampleTarball, '-C', appDir, '--strip-components=1'], work)
    await rm(exampleTarball)
    for (const entry of leftOut) await rm(join(appDir, entry), { recursive: true, force: true })

    const manifestPath = join(appDir, 'package.json')
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'))
    for (const name of repoOnlyDevDependencies) delete manifest.devDependencies?.[name]
    for (const field of ['dependencies', 'devDependencies']) {
      for (const name of Object.keys(manifest[field] ?? {})) {
        if (!name.startsWith('@auth-dynamo/')) continue
        if (!tarballs[name])
          throw new StepError(`the example depends on ${name}, which is not packed`)
        manifest[field][name] = `file:${relative(appDir, tarballs[name])}`
      }
    }
    await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
  },
)

const installed = await step('npm install (from the registry and the tarballs)', async () => {
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], appDir)
  const versions = {}
  for (const { name } of packages) {
    const dir = join(appDir, 'node_modules', name)
    if (!existsSync(dir)) continue
    // A file: tarball installs as a real directory; a symlink would mean a workspace link.
    if (lstatSync(dir).isSymbolicLink()) throw new StepError(`${name} was linked, not installed`)
    const { version } = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'))
    versions[name] = version
  }
  const lock = JSON.parse(await readFile(join(appDir, 'package-lock.json'), 'utf8'))
  for (const name of Object.keys(versions)) {
    const resolved = lock.packages?.[`node_modules/${name}`]?.resolved ?? ''
    if (!resolved.endsWith('.tgz') || !resolved.startsWith('file:')) {
      throw new StepError(`${name} resolved to "${resolved}", not to its packed tarball`)
    }
  }
  return versions
})

await step('typecheck the example against the packed types (tsc --noEmit)', () =>
  run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.json', '--noEmit'], appDir),
)

const tests = await step('run the example tests (vitest run)', async () => {
  const reportPath = join(appDir, 'test-results.json')
  let failure
  try {
    await run('npx', ['--no-install', 'vitest', 'run'], appDir, { CI: 'true', NO_COLOR: '1' })
  } catch (error) {
    failure = error
  }
  if (!existsSync(reportPath)) throw failure ?? new StepError('vitest wrote no test-results.json')
  const report = JSON.parse(await readFile(reportPath, 'utf8'))
  const summary = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    total: report.numTotalTests,
    files: report.testResults.map((file) => relative(appDir, file.name)).sort(),
  }
  if (failure) throw failure
  return summary
})

const result = {
  tarballs: Object.fromEntries(
    Object.entries(tarballs).map(([name, path]) => [name, basename(path)]),
  ),
  installed,
  tests,
}
await writeFile(join(work, 'result.json'), `${JSON.stringify(result, null, 2)}\n`)
console.log(
  `packed example: ${tests.passed} tests passed, ${tests.failed} failed, ${tests.skipped} skipped in ${tests.files.length} files`,
)
if (!args.out && !args.keep) await rm(work, { recursive: true, force: true })
else console.log(`kept ${work}: ${(await readdir(work)).join(', ')}`)
if (tests.total === 0 || tests.failed > 0) process.exit(1)
