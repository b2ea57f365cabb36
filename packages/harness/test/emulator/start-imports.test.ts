import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url))

// Issue 13: a start loads what serving DynamoDB needs, and the rest (zod for the admin API's and
// the fault rules' input, express for the admin API) when first used. Checked in a fresh process
// on the built package, as the CLI runs it: ESM imports through a resolve hook, CommonJS through
// require's cache.
async function modulesLoadedBy(steps: string): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'start-imports-'))
  try {
    await writeFile(
      join(dir, 'hooks.mjs'),
      'export async function resolve(specifier, context, next) {\n' +
        '  const result = await next(specifier, context)\n' +
        "  process.stderr.write('loaded ' + result.url + '\\n')\n" +
        '  return result\n' +
        '}\n',
    )
    await writeFile(
      join(dir, 'run.mjs'),
      `import { createRequire, register } from 'node:module'
register('./hooks.mjs', import.meta.url)
const { startEmulator } = await import(${JSON.stringify(dist)})
const emulator = await startEmulator({ port: 0, ttl: { mode: 'manual' } })
${steps}
for (const path of Object.keys(createRequire(import.meta.url).cache)) process.stderr.write(\`loaded \${path}\\n\`)
await emulator.stop()
`,
    )
    const run = spawnSync(process.execPath, [join(dir, 'run.mjs')], { encoding: 'utf8' })
    expect(run.status, run.stderr).toBe(0)
    return run.stderr
      .split('\n')
      .filter((line) => line.startsWith('loaded '))
      .map((line) => line.slice('loaded '.length))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const fromPackage = (name: string) => (path: string) => path.includes(`/node_modules/${name}/`)

test('startEmulator() loads neither zod nor express; a fault rule loads zod when it is added', async () => {
  const atStart = await modulesLoadedBy('')
  expect(atStart.some(fromPackage('dynalite')), 'dynalite serves DynamoDB').toBe(true)
  expect(atStart.filter(fromPackage('zod'))).toEqual([])
  expect(atStart.filter(fromPackage('express'))).toEqual([])

  const withFault = await modulesLoadedBy(
    "emulator.namespace().faults.add({ action: { type: 'disconnect' } })",
  )
  expect(withFault.some(fromPackage('zod'))).toBe(true)
}, 60_000)
