import type { Emulator } from '@auth-dynamo/harness'
import { afterAll, expect, vi } from 'vitest'
import { isAllowedAction, sdkOperations, tableAdministratorCredentials } from './least-privilege.js'

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

// Table creation is the administrator's, outside the app's policy: on the emulator it is told
// apart by its access key, on DynamoDB Local (no operation log) by its name.
const administration = new Set(['CreateTable', 'DeleteTable', 'UpdateTimeToLive'])

afterAll(() => {
  const outside = new Set<string>()
  for (const emulator of started) {
    const administrator = emulator.operations({
      accessKeyId: tableAdministratorCredentials.accessKeyId,
    })
    for (const [operation, count] of Object.entries(emulator.operations())) {
      if (count > (administrator[operation] ?? 0) && !isAllowedAction(operation)) {
        outside.add(operation)
      }
    }
  }
  for (const operation of sdkOperations) {
    if (!isAllowedAction(operation) && !administration.has(operation)) outside.add(operation)
  }
  expect([...outside], 'operations outside the least-privilege IAM policy').toEqual([])
})
