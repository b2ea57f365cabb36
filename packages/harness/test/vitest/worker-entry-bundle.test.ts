import { readFile } from 'node:fs/promises'
import { expect, test } from 'vitest'
import { EmulatorError } from '../../dist/index.js'
import { adminClient } from '../../dist/vitest/worker.js'

// The package build bundles the vitest worker entry (every test file imports it in a fresh
// worker, and each ES module costs Node a resolve, read and link: issue 13 §2). These hold what
// the bundle must keep.

test('the worker entry is one module besides the shared EmulatorError module', async () => {
  const source = await readFile(new URL('../../dist/vitest/worker.js', import.meta.url), 'utf8')
  const relative = [...source.matchAll(/from\s+"(\.[^"]+)"/g)].map((match) => match[1])
  expect(new Set(relative)).toEqual(new Set(['../errors/emulator-error.js']))
})

test("errors from the worker entry are the package's one EmulatorError class", async () => {
  const error: unknown = await adminClient('http://127.0.0.1:9')
    .health()
    .catch((thrown: unknown) => thrown)
  expect(error).toBeInstanceOf(EmulatorError)
  expect(error).toMatchObject({ code: 'ADMIN_REQUEST_FAILED' })
})
