import type { Emulator } from '@auth-dynamo/harness'
import { afterAll, expect, vi } from 'vitest'
import { isAllowedAction, tableAdministratorCredentials } from './least-privilege.js'

// Every emulator a test file starts is remembered, so that after the file the operations it
// served can be checked: file by file, this covers every operation of the whole run.
const started = vi.hoisted(() => [] as Emulator[])

vi.mock('@auth-dynamo/harness', async (importOriginal) => {
  const harness = await importOriginal<typeof import('@auth-dynamo/harness')>()
  return {
    ...harness,
    startEmulator: async (...args: Parameters<typeof harness.startEmulator>) => {
      const emulator = await harness.startEmulator(...args)
      started.push(emulator)
      return emulator
    },
  }
})

afterAll(() => {
  const outside = new Set<string>()
  for (const emulator of started) {
    // The administrator's table setup is the one traffic the policy does not cover.
    const administrator = emulator.operations({
      accessKeyId: tableAdministratorCredentials.accessKeyId,
    })
    for (const [operation, count] of Object.entries(emulator.operations())) {
      if (count > (administrator[operation] ?? 0) && !isAllowedAction(operation)) {
        outside.add(operation)
      }
    }
  }
  expect([...outside], 'operations outside the least-privilege IAM policy').toEqual([])
})
