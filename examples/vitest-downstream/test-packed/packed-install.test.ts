import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import getReleasePlan from '@changesets/get-release-plan'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { run, userEnv } from './support/run.js'
import { listFiles, missingMapSources } from './support/tarball-contents.js'

// This repository's check that the three packages work as users get them: the script packs
// them, installs this example from the tarballs with npm in a directory of its own, and runs
// the example's typecheck and tests there. See scripts/check-packed-example.mjs.
const root = fileURLToPath(new URL('../../../', import.meta.url))
const exampleDir = fileURLToPath(new URL('../', import.meta.url))
const packages = ['harness', 'adapter', 'conformance']

interface CheckResult {
  tarballs: Record<string, string>
  installed: Record<string, string>
  tests: { passed: number; failed: number; skipped: number; total: number; files: string[] }
}

let work: string
let exitCode: number | null
let output = ''

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'auth-dynamo-packed-'))
  const child = spawn(
    process.execPath,
    [join(root, 'scripts/check-packed-example.mjs'), '--out', work],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  exitCode = await new Promise((resolve) => child.on('close', resolve))
}, 600_000)

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

test('the example typechecks and passes every test when installed from the packed tarballs', async () => {
  expect(exitCode, output).toBe(0)
  const result = JSON.parse(await readFile(join(work, 'result.json'), 'utf8')) as CheckResult

  // Every package at the version it would be published with, installed from its tarball.
  for (const name of packages) {
    const manifest = JSON.parse(
      await readFile(join(root, 'packages', name, 'package.json'), 'utf8'),
    ) as { version: string }
    expect(result.installed[`@auth-dynamo/${name}`]).toBe(manifest.version)
  }
  // The same test files as here, all run, none failed, and none skipped but the one conformance
  // case the adapter's capabilities turn off (test/adapter-conformance.test.ts).
  const testFiles = (await readdir(join(exampleDir, 'test')))
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => `test/${file}`)
    .sort()
  expect(result.tests.files).toEqual(testFiles)
  expect(result.tests).toMatchObject({ failed: 0, skipped: 1 })
  expect(result.tests.passed).toBe(result.tests.total - 1)
  expect(result.tests.total).toBeGreaterThan(testFiles.length)
})

/** The path of a package's tarball, as the script packed it (`pnpm pack`, as `pnpm publish` packs). */
async function tarballOf(name: string): Promise<string> {
  const tarballs = await readdir(join(work, 'tarballs')).catch(() => [])
  const tarball = tarballs.find((file) => file.startsWith(`auth-dynamo-${name}-`))
  if (tarball === undefined)
    throw new Error(`no tarball of @auth-dynamo/${name}: the pack step failed\n${output}`)
  return join(work, 'tarballs', tarball)
}

/** A package's tarball, extracted: `<work>/unpacked/<name>`, holding what npm would install. */
async function unpacked(name: string): Promise<string> {
  const dir = join(work, 'unpacked', name)
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const { code, stderr } = await run(
    'tar',
    ['-xzf', await tarballOf(name), '-C', dir, '--strip-components=1'],
    work,
  )
  if (code !== 0) throw new Error(`tar could not extract ${name}: ${stderr}`)
  return dir
}

describe('publint on the packed tarballs (strict, suggestions included)', () => {
  test.each(packages)('@auth-dynamo/%s has no finding', async (name) => {
    const bytes = await readFile(await tarballOf(name))
    const { messages, pkg } = await publint({
      pack: { tarball: new Uint8Array(bytes).buffer },
      level: 'suggestion',
      strict: true,
    })
    expect(pkg.name).toBe(`@auth-dynamo/${name}`)
    const findings = messages.map(
      (message) =>
        `${message.type} ${message.code}: ${formatMessage(message, pkg, { color: false })}`,
    )
    expect(findings).toEqual([])
  })
})

describe('the rest of the release dry run, on each packed tarball', () => {
  const repository = 'https://github.com/auth-dynamo/auth-dynamo'

  // ESM-only packages: `node10` (TypeScript's resolution without `exports`) and `node16-cjs`
  // (TypeScript before it modelled require() of ESM) are out of scope. That require() works on
  // the Node versions `engines` declares is tested below with Node itself.
  test.each(packages)(
    '@auth-dynamo/%s: are-the-types-wrong finds no problem',
    async (name) => {
      const manifestPath = createRequire(import.meta.url).resolve(
        '@arethetypeswrong/cli/package.json',
      )
      const { bin } = JSON.parse(await readFile(manifestPath, 'utf8')) as { bin: { attw: string } }
      const attw = join(dirname(manifestPath), bin.attw)
      const result = await run(
        process.execPath,
        [attw, await tarballOf(name), '--profile', 'esm-only', '--format', 'ascii', '--no-color'],
        exampleDir,
      )
      expect(result.code, `${result.stdout}${result.stderr}`).toBe(0)
    },
    60_000,
  )

  test.each(packages)(
    '@auth-dynamo/%s: metadata a registry page and a bug report need',
    async (name) => {
      const dir = await unpacked(name)
      const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'))
      expect(manifest).toMatchObject({
        license: 'MIT',
        repository: { type: 'git', url: `git+${repository}.git`, directory: `packages/${name}` },
        homepage: `${repository}/tree/main/packages/${name}#readme`,
        bugs: { url: `${repository}/issues` },
        // require() of an ES module (what CommonJS consumers do) needs Node 20.19.
        engines: { node: '>=20.19' },
        sideEffects: false,
        publishConfig: { access: 'public' },
      })
      // `pnpm pack`, like `pnpm publish`, writes real ranges for workspace: and catalog: ones.
      const ranges = ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) =>
        Object.values((manifest[field] ?? {}) as Record<string, string>),
      )
      expect(ranges.filter((range) => /^(workspace|catalog):/.test(range))).toEqual([])
    },
  )

  test.each(packages)(
    '@auth-dynamo/%s: ships the LICENSE and every source its maps point at',
    async (name) => {
      const dir = await unpacked(name)
      expect(await readFile(join(dir, 'LICENSE'), 'utf8')).toBe(
        await readFile(join(root, 'LICENSE'), 'utf8'),
      )
      const files = await listFiles(dir)
      expect(files.filter((file) => file.endsWith('.map')).length).toBeGreaterThan(0)
      expect(await missingMapSources(dir)).toEqual([])
      // The sources, not the tests: nothing under test/ and no *.test.ts.
      expect(files.filter((file) => /(^|\/)test\/|\.test\.ts$/.test(file))).toEqual([])
    },
  )
})

describe('the installed packages as CommonJS and from npx', () => {
  const appDir = () => join(work, 'app')

  test('require() loads every entry point (Node >= 20.19, as engines says)', async () => {
    const entries: string[] = []
    for (const name of packages) {
      const manifest = JSON.parse(
        await readFile(join(root, 'packages', name, 'package.json'), 'utf8'),
      ) as { exports: Record<string, unknown> }
      for (const subpath of Object.keys(manifest.exports)) {
        if (subpath.endsWith('.json')) continue
        entries.push(`@auth-dynamo/${name}${subpath.slice(1)}`)
      }
    }
    const script = `for (const entry of ${JSON.stringify(entries)}) {
      const loaded = require(entry)
      if (Object.keys(loaded).length === 0) throw new Error(entry + ' exported nothing')
    }`
    const result = await run(process.execPath, ['-e', script], appDir())
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).not.toMatch(/ERR_REQUIRE/)
  }, 60_000)

  test('`npx @auth-dynamo/harness` runs the emulator, and Ctrl+C stops it cleanly', async () => {
    // Detached: a process group of its own, which receives SIGINT as a terminal's Ctrl+C does.
    const child = spawn('npx', ['--no-install', '@auth-dynamo/harness', '--port', '0'], {
      cwd: appDir(),
      env: userEnv(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    const exited = once(child, 'exit')
    let endpoint: string | undefined
    try {
      endpoint = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const printed = /^AUTH_DYNAMODB_ENDPOINT=(\S+)$/m.exec(stdout)?.[1]
          if (printed !== undefined && stdout.includes('Press Ctrl+C')) resolve(printed)
        })
        child.once('exit', (code) => reject(new Error(`npx exited with ${code}: ${stderr}`)))
      })
      const health = await fetch(`${endpoint}/_emulator/health`)
      expect(await health.json()).toMatchObject({ state: 'running', tables: ['next-auth'] })
    } finally {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGINT')
    }
    // npm exec ends by the same SIGINT; the emulator under it stops on its own terms.
    const [code, signal] = await exited
    expect(code === 0 || signal === 'SIGINT', `exit ${code}, ${signal}`).toBe(true)
    expect(stdout).toMatch(/Stopped\.\n$/)
    expect(stderr).toBe('')
    await expect(fetch(`${endpoint}/_emulator/health`)).rejects.toThrow()
  }, 60_000)

  test('`npx -p @auth-dynamo/harness auth-dynamo-emulator --version` prints the version', async () => {
    const { version } = JSON.parse(
      await readFile(join(root, 'packages', 'harness', 'package.json'), 'utf8'),
    ) as { version: string }
    const result = await run(
      'npx',
      ['--no-install', '-p', '@auth-dynamo/harness', 'auth-dynamo-emulator', '--version'],
      appDir(),
    )
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` })
  }, 60_000)
})

describe('the pending release (changesets)', () => {
  test('bumps only published packages, and none to a major that no changeset asked for', async () => {
    const plan = await getReleasePlan(root)
    const released = plan.releases.filter((release) => release.type !== 'none')
    const published = packages.map((name) => `@auth-dynamo/${name}`)
    expect(
      released.map((release) => release.name).filter((name) => !published.includes(name)),
    ).toEqual([])
    // changesets bumps a package to a major when a peer dependency of it gets a minor, as
    // @auth-dynamo/conformance's peer @auth-dynamo/harness would: only ask for what you mean.
    const unasked = released.filter(
      (release) =>
        release.type === 'major' &&
        !plan.changesets.some((changeset) =>
          changeset.releases.some((asked) => asked.name === release.name && asked.type === 'major'),
        ),
    )
    expect(
      unasked.map((release) => `${release.name} ${release.oldVersion} -> ${release.newVersion}`),
    ).toEqual([])
  })
})
