import { describe, expect, test } from 'vitest'
import type { EmulatorOptions } from '../../src/index.js'
import { resolveEmulatorOptions } from '../../src/options/emulator-options.js'
import { parseEmulatorOptions } from '../../src/options/options-schema.js'
import { authjsTable } from '../../src/tables/authjs-table.js'

// resolveEmulatorOptions checks common options without loading zod; the schema stays the one
// definition of what is valid. Whatever the fast path resolves must equal the schema's result.
const table = {
  TableName: 'custom',
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' as const }],
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' as const }],
  BillingMode: 'PAY_PER_REQUEST' as const,
  TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
}
const valid: Array<[string, EmulatorOptions | undefined]> = [
  ['no options', undefined],
  ['empty', {}],
  [
    'what the CLI passes',
    { port: 8000, host: '0.0.0.0', clock: 'system', ttl: { mode: 'interval' } },
  ],
  ['vitest defaults', { port: 0, host: '127.0.0.1', clock: 'manual', ttl: { mode: 'manual' } }],
  ['lag mode', { ttl: { mode: 'lag', lagMs: 5000, intervalMs: 50 } }],
  [
    'every field',
    {
      port: 1,
      host: 'localhost',
      region: 'eu-west-3',
      tables: [authjsTable(), table],
      clock: 'manual',
      ttl: { mode: 'manual', intervalMs: 20, lagMs: 0 },
      persist: '/tmp/somewhere',
      allowedHosts: ['emulator'],
      adminToken: 'x'.repeat(16),
    },
  ],
  ['a table with extra fields', { tables: [{ ...table, Tags: [{ Key: 'a', Value: 'b' }] }] }],
  // Valid, but of shapes the fast path leaves to the schema (which strips the extra key).
  [
    'an extra key inside KeySchema',
    {
      tables: [
        { ...table, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH', extra: 1 } as never] },
      ],
    },
  ],
  ['explicit undefined fields', { port: undefined, ttl: undefined, persist: undefined }],
]
const invalid: Array<[string, unknown]> = [
  ['port too large', { port: 65_536 }],
  ['negative interval', { ttl: { intervalMs: 0 } }],
  ['lagMs outside lag mode', { ttl: { lagMs: 1 } }],
  ['unknown ttl key', { ttl: { mode: 'manual', every: 1 } }],
  ['duplicate tables', { tables: [table, table] }],
  [
    'three key elements',
    {
      tables: [
        { ...table, KeySchema: [...table.KeySchema, ...table.KeySchema, ...table.KeySchema] },
      ],
    },
  ],
  ['short token', { adminToken: 'short' }],
  ['a Date for a host', { host: new Date() }],
  ['not an object', 'options'],
]

describe('options: the fast path agrees with the schema', () => {
  test.each(valid)('%s resolves as the schema does', async (_name, options) => {
    expect(await resolveEmulatorOptions(options)).toEqual(parseEmulatorOptions(options))
  })

  test.each(invalid)('%s is refused with the schema’s message', async (_name, options) => {
    let schemaError: unknown
    try {
      parseEmulatorOptions(options as EmulatorOptions)
    } catch (error) {
      schemaError = error
    }
    expect(schemaError).toMatchObject({ code: 'INVALID_OPTIONS' })
    await expect(resolveEmulatorOptions(options as EmulatorOptions)).rejects.toEqual(schemaError)
  })
})
