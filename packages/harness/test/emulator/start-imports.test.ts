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

test("a test file's namespace, made and deleted as the vitest and jest helpers do, loads neither; the next admin request loads both", async () => {
  const transport = fileURLToPath(new URL('../../dist/vitest/http-transport.js', import.meta.url))
  for (const transportOption of ['{ transport: nodeHttpTransport }', '{}']) {
    const fileNamespace = `
const { adminClient } = await import(${JSON.stringify(dist)})
const { nodeHttpTransport } = await import(${JSON.stringify(transport)})
const admin = adminClient(emulator.endpoint, ${transportOption})
const { id } = await admin.createNamespace({ tables: undefined })
if (emulator.health().namespaces !== 1) throw new Error('no namespace made')
await admin.deleteNamespace(id)
if (emulator.health().namespaces !== 0) throw new Error('the namespace is still there')
`
    const loaded = await modulesLoadedBy(fileNamespace)
    expect(loaded.filter(fromPackage('zod')), transportOption).toEqual([])
    expect(loaded.filter(fromPackage('express')), transportOption).toEqual([])

    const thenHealth = await modulesLoadedBy(`${fileNamespace}await admin.health()`)
    expect(thenHealth.some(fromPackage('express')), transportOption).toBe(true)
    expect(thenHealth.some(fromPackage('zod')), transportOption).toBe(true)
  }
}, 60_000)
