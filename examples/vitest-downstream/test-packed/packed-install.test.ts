import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

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
  // The same test files as here, all run, none failed or skipped.
  const testFiles = (await readdir(join(exampleDir, 'test')))
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => `test/${file}`)
    .sort()
  expect(result.tests.files).toEqual(testFiles)
  expect(result.tests).toMatchObject({ failed: 0, skipped: 0 })
  expect(result.tests.passed).toBe(result.tests.total)
  expect(result.tests.total).toBeGreaterThan(testFiles.length)
})

describe('publint on the packed tarballs (strict, suggestions included)', () => {
  test.each(packages)('@auth-dynamo/%s has no finding', async (name) => {
    const tarballs = await readdir(join(work, 'tarballs')).catch(() => [])
    const tarball = tarballs.find((file) => file.startsWith(`auth-dynamo-${name}-`))
    expect(
      tarball,
      `no tarball of @auth-dynamo/${name}: the pack step failed\n${output}`,
    ).toBeDefined()
    const bytes = await readFile(join(work, 'tarballs', tarball ?? ''))
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
