import { DeleteTableCommand } from '@aws-sdk/client-dynamodb'
import { describe, expect, test } from 'vitest'
import { createTable, onEmulator } from '../support/targets.js'
import { outcomeOf } from '../transactions/transaction-cases.js'
import { tableSettingsSuite } from './table-settings.suite.js'

describe('table settings on the emulator', () => {
  tableSettingsSuite(onEmulator())
})

describe('deletion protection and the emulator’s own calls', () => {
  const target = onEmulator()

  test('emulator.deleteTable() and reset() remove protected tables; clients cannot', async () => {
    const { client, emulator } = target()
    const table = await createTable(client, 'own', { DeletionProtectionEnabled: true })
    const refused = await outcomeOf(client.send(new DeleteTableCommand({ TableName: table })))
    expect(refused.result).toBe('ValidationException')
    await emulator?.deleteTable(table)
    expect(await emulator?.listTables()).not.toContain(table)
    await createTable(client, 'own', { DeletionProtectionEnabled: true })
    await emulator?.reset()
    expect(await emulator?.listTables()).toEqual([])
  })
})
