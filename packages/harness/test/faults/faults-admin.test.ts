import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type AdminClient, adminClient, type Emulator, startEmulator } from '../../src/index.js'
import { documentClientFor } from '../support/clients.js'
import { namespaceClient } from '../support/namespace-clients.js'

describe('fault rules through the admin API', () => {
  let emulator: Emulator
  let admin: AdminClient
  beforeAll(async () => {
    emulator = await startEmulator({ clock: 'manual', ttl: { mode: 'manual' } })
    admin = adminClient(emulator.endpoint)
  })
  afterAll(() => emulator.stop())

  test('POST, GET and DELETE /_emulator/faults act on the default namespace', async () => {
    const client = documentClientFor(emulator)
    const added = await admin.faults.add({
      operations: ['PutItem'],
      action: { type: 'error', error: 'ThrottlingException' },
      times: 1,
      seed: 5,
    })
    expect(added).toEqual({
      id: 'fault-1',
      operations: ['PutItem'],
      action: { type: 'error', error: 'ThrottlingException' },
      times: 1,
      seed: 5,
      matched: 0,
      fired: 0,
      remaining: 1,
    })
    await expect(
      client.put({ TableName: 'next-auth', Item: { pk: 'a', sk: 'a' } }),
    ).rejects.toThrow(expect.objectContaining({ name: 'ThrottlingException' }))
    expect(await admin.faults.list()).toEqual([{ ...added, matched: 1, fired: 1, remaining: 0 }])
    await admin.faults.remove(added.id)
    await expect(admin.faults.remove(added.id)).rejects.toThrow(/404: No fault rule fault-1/)
    await admin.faults.add({ action: { type: 'disconnect' } })
    await admin.faults.clear()
    expect(await admin.faults.list()).toEqual([])
    client.destroy()
  })

  test('/_emulator/namespaces/<id>/faults act on that namespace only', async () => {
    const info = await admin.createNamespace()
    const scoped = admin.namespace(info.id)
    await scoped.faults.add({ action: { type: 'error', error: 'InternalServerError' } })
    expect(await admin.faults.list()).toEqual([])
    expect(await scoped.faults.list()).toHaveLength(1)
    const client = namespaceClient(emulator, emulator.namespace(info.id))
    await expect(client.get({ TableName: 'next-auth', Key: { pk: 'a', sk: 'a' } })).rejects.toThrow(
      expect.objectContaining({ name: 'InternalServerError' }),
    )
    // POST reset clears the namespace's rules.
    await scoped.reset()
    expect(await scoped.faults.list()).toEqual([])
    client.destroy()
    await admin.deleteNamespace(info.id)
  })

  test('a bad rule answers 400 naming the field and the shape of a rule', async () => {
    const response = await fetch(`${emulator.adminUrl}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: { type: 'latency', ms: 'slow' } }),
    })
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as { error: { code: string; message: string } }
    expect(error.code).toBe('INVALID_OPTIONS')
    expect(error.message).toMatch(/action\.ms/)
    expect(error.message).toMatch(/a fault rule is \{ "action"/)
  })

  test('past 100 rules, POST answers 409', async () => {
    for (let i = 0; i < 100; i++)
      await admin.faults.add({ action: { type: 'disconnect' }, times: 1 })
    await expect(admin.faults.add({ action: { type: 'disconnect' } })).rejects.toThrow(/409/)
    await admin.faults.clear()
  })
})
