import { describe, expect, test } from 'vitest'
import type { EmulatorOptions } from '../../src/index.js'
import { startEmulator } from '../../src/index.js'

describe('options are validated once, naming the bad field', () => {
  test.each<[string, unknown, RegExp]>([
    ['port out of range', { port: 70_000 }, /port:/],
    ['port not an integer', { port: 80.5 }, /port:/],
    ['unknown field', { prot: 8000 }, /prot/],
    ['unknown ttl mode', { ttl: { mode: 'sometimes' } }, /ttl\.mode:/],
    [
      'lag outside lag mode',
      { ttl: { mode: 'interval', lagMs: 5 } },
      /ttl\.lagMs: lagMs only applies to mode 'lag'/,
    ],
    ['clock mode', { clock: 'frozen' }, /clock:/],
    [
      'table without a name',
      { tables: [{ KeySchema: [], AttributeDefinitions: [] }] },
      /tables\.0\.TableName: every table needs a TableName/,
    ],
    ['bad region', { region: 'moon' }, /region: region must look like us-east-1/],
  ])('%s', async (_name, options, message) => {
    await expect(startEmulator(options as EmulatorOptions)).rejects.toMatchObject({
      name: 'EmulatorError',
      code: 'INVALID_OPTIONS',
      message: expect.stringMatching(message),
    })
  })

  test('a table definition DynamoDB rejects fails with TABLE_SETUP_FAILED naming the table', async () => {
    await expect(
      startEmulator({
        tables: [
          {
            TableName: 'broken',
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
            AttributeDefinitions: [{ AttributeName: 'other', AttributeType: 'S' }],
            BillingMode: 'PAY_PER_REQUEST',
          },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'TABLE_SETUP_FAILED',
      message: expect.stringContaining('Could not create table broken'),
    })
  })
})
