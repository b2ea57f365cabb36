import { ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  dynamodbConformanceOptions,
  dynamodbLocalBackend,
  dynamodbLocalExpiryLimitation,
  emulatorBackend,
} from '../../src/dynamodb/index.js'
import { MemoryAdapter } from '../../src/reference/index.js'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('a backend', () => {
  test('has no client or table before setup() and after teardown(), and says why', async () => {
    const backend = emulatorBackend()
    const notReady = expect.objectContaining({
      code: 'DYNAMODB_BACKEND_NOT_READY',
      message: expect.stringContaining('documentClient exists only after setup()'),
    })
    expect(() => backend.documentClient).toThrow(notReady)
    await backend.setup()
    await backend.setup()
    expect(backend.table.tableName).toMatch(/^next-auth-[0-9a-f]{12}$/)
    const { client } = backend
    expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([
      backend.table.tableName,
    ])
    await backend.teardown()
    await backend.teardown()
    expect(() => backend.table).toThrow(
      expect.objectContaining({ code: 'DYNAMODB_BACKEND_NOT_READY' }),
    )
    await expect(backend.setup()).rejects.toThrow(/setup\(\) after teardown\(\)/)
  })

  test('gives each instance its own table, under the configured names', async () => {
    const [a, b] = [
      emulatorBackend({ table: { tableName: 'auth', indexName: 'lookup' } }),
      emulatorBackend(),
    ]
    await Promise.all([a.setup(), b.setup()])
    try {
      expect(a.table).toEqual({
        tableName: expect.stringMatching(/^auth-[0-9a-f]{12}$/),
        partitionKey: 'pk',
        sortKey: 'sk',
        indexName: 'lookup',
        indexPartitionKey: 'GSI1PK',
        indexSortKey: 'GSI1SK',
      })
      expect(a.table.tableName).not.toBe(b.table.tableName)
    } finally {
      await Promise.all([a.teardown(), b.teardown()])
    }
  })

  test('rejects bad names at once, before starting anything', () => {
    expect(() => dynamodbLocalBackend({ table: { sortKey: '' } })).toThrow(
      expect.objectContaining({ code: 'DYNAMODB_INVALID_OPTIONS' }),
    )
  })
})

describe('dynamodbConformanceOptions', () => {
  const adapter = () => MemoryAdapter()

  test("turns off the backend's limitations, lets the caller's capabilities win, and passes its clock", () => {
    const local = dynamodbConformanceOptions({
      name: 'x',
      backend: dynamodbLocalBackend(),
      adapter,
    })
    expect(local.capabilities).toEqual({ expiryDeletion: false, concurrentTokenUse: false })
    expect(local.clock).toBeUndefined()
    const forced = dynamodbConformanceOptions({
      name: 'x',
      backend: dynamodbLocalBackend(),
      adapter,
      capabilities: { expiryDeletion: true, webauthn: false },
    })
    expect(forced.capabilities).toEqual({
      expiryDeletion: true,
      concurrentTokenUse: false,
      webauthn: false,
    })
    const emulator = emulatorBackend()
    const options = dynamodbConformanceOptions({ name: 'x', backend: emulator, adapter })
    expect(options.capabilities).toEqual({})
    expect(options.clock).toBe(emulator.clock)
  })

  test("prints the reason for each limitation that is off, then calls the caller's onReport", async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const onReport = vi.fn()
    const options = dynamodbConformanceOptions({
      name: 'x',
      backend: dynamodbLocalBackend(),
      adapter,
      onReport,
      capabilities: { concurrentTokenUse: true },
    })
    const report = { name: 'x', outcomes: [], optionProblems: [] }
    await options.onReport?.(report)
    expect(log).toHaveBeenCalledWith(
      `  capabilities off on DynamoDB Local:\n    - expiryDeletion: ${dynamodbLocalExpiryLimitation}`,
    )
    expect(onReport).toHaveBeenCalledWith(report)
  })
})
