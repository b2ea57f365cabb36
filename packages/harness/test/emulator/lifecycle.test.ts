import { createServer } from 'node:net'
import { ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { describe, expect, test } from 'vitest'
import { EmulatorError, startEmulator } from '../../src/index.js'
import { clientFor } from '../support/clients.js'

describe('emulator lifecycle', () => {
  test('starts running on a free loopback port with the Auth.js table ACTIVE', async () => {
    const emulator = await startEmulator()
    try {
      expect(emulator.state).toBe('running')
      expect(emulator.endpoint).toBe(`http://127.0.0.1:${emulator.port}`)
      expect(emulator.port).toBeGreaterThan(0)
      expect(emulator.adminUrl).toBe(`${emulator.endpoint}/_emulator`)
      expect(emulator.tables).toEqual(['next-auth'])
      const { TableNames } = await clientFor(emulator).send(new ListTablesCommand({}))
      expect(TableNames).toEqual(['next-auth'])
    } finally {
      await emulator.stop()
    }
  })

  test('stop() is idempotent and ends in stopped; later calls throw INVALID_STATE', async () => {
    const emulator = await startEmulator()
    const first = emulator.stop()
    expect(emulator.state).toBe('stopping')
    await Promise.all([first, emulator.stop()])
    await emulator.stop()
    expect(emulator.state).toBe('stopped')
    expect(() => emulator.sweep()).toThrow(
      expect.objectContaining({
        code: 'INVALID_STATE',
        message: expect.stringContaining('stopped'),
      }),
    )
    expect(() => emulator.reset()).toThrow(EmulatorError)
  })

  test('await using stops the emulator at the end of the block', async () => {
    let endpoint = ''
    {
      await using emulator = await startEmulator()
      endpoint = emulator.endpoint
      expect((await fetch(endpoint)).status).toBe(200)
    }
    await expect(fetch(endpoint)).rejects.toThrow()
  })

  test('a taken port fails with PORT_IN_USE and a hint', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as { port: number }
    try {
      await expect(startEmulator({ port })).rejects.toMatchObject({
        code: 'PORT_IN_USE',
        message: expect.stringMatching(new RegExp(`Port ${port} .*in use.*port 0`)),
      })
    } finally {
      blocker.close()
    }
  })

  test('two emulators run side by side on different ports', async () => {
    await using first = await startEmulator()
    await using second = await startEmulator()
    expect(first.port).not.toBe(second.port)
  })
})
