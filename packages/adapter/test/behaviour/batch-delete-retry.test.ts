// No DynamoDB implementation (the emulator, DynamoDB Local, or AWS on demand) lets a test force
// UnprocessedItems, so the retry loop is tested here as pure logic against a small fake port.
import { describe, expect, it } from 'vitest'
import { batchDelete, type RetryPolicy } from '../../src/batch-delete.js'
import type { DocumentPort } from '../../src/client/document-port.js'
import { DynamoDBAdapterError } from '../../src/index.js'

const table = 'next-auth'
const context = { method: 'deleteUser', tableName: table }

type Key = Record<string, string>
type Request = { DeleteRequest: { Key: Key } }

function keys(count: number, prefix = 'k'): Key[] {
  return Array.from({ length: count }, (_, i) => ({ pk: `${prefix}${i}`, sk: `${prefix}${i}` }))
}

/** A port whose BatchWriteItem leaves `leave(call, requests)` of each request unprocessed. */
function fakePort(leave: (call: number, requests: Request[]) => Request[]) {
  const calls: Key[][] = []
  const port: Pick<DocumentPort, 'batchWrite'> = {
    async batchWrite(input) {
      const requests = (input.RequestItems?.[table] ?? []) as Request[]
      calls.push(requests.map((request) => request.DeleteRequest.Key))
      const unprocessed = leave(calls.length, requests)
      return unprocessed.length === 0 ? {} : { UnprocessedItems: { [table]: unprocessed } }
    },
  }
  return { port, calls }
}

function policy(overrides: Partial<RetryPolicy> = {}) {
  const sleeps: number[] = []
  const retry: RetryPolicy = {
    maxAttempts: 5,
    baseDelayMs: 50,
    maxDelayMs: 2_000,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    random: () => 0.5,
    ...overrides,
  }
  return { retry, sleeps }
}

describe('batchDelete', () => {
  it('sends nothing for no keys', async () => {
    const { port, calls } = fakePort(() => [])
    await batchDelete(port, context, [], policy().retry)
    expect(calls).toEqual([])
  })

  it('writes in chunks of at most 25, in order', async () => {
    const { port, calls } = fakePort(() => [])
    const all = keys(60)

    await batchDelete(port, context, all, policy().retry)

    expect(calls.map((call) => call.length)).toEqual([25, 25, 10])
    expect(calls.flat()).toEqual(all)
  })

  it('resends exactly the UnprocessedItems, with exponential backoff between attempts', async () => {
    const { port, calls } = fakePort((call, requests) =>
      call <= 3 ? requests.slice(0, 10 - 3 * call) : [],
    )
    const { retry, sleeps } = policy()
    const all = keys(25)

    await batchDelete(port, context, all, retry)

    expect(calls.map((call) => call.length)).toEqual([25, 7, 4, 1])
    expect(calls[1]).toEqual(all.slice(0, 7))
    expect(calls[3]).toEqual(all.slice(0, 1))
    // Full jitter at random() = 0.5: half of 50, 100, 200 ms.
    expect(sleeps).toEqual([25, 50, 100])
  })

  it('caps each backoff at maxDelayMs', async () => {
    const { port } = fakePort((call, requests) => (call < 8 ? requests : []))
    const { retry, sleeps } = policy({ maxAttempts: 10, maxDelayMs: 300, random: () => 0.999 })

    await batchDelete(port, context, keys(3), retry)

    expect(sleeps).toEqual([49, 99, 199, 299, 299, 299, 299])
  })

  it('gives up after maxAttempts with UNPROCESSED_ITEMS listing every key not deleted', async () => {
    const all = keys(60)
    // The second chunk never gets through: its last 4 keys stay unprocessed.
    const { port, calls } = fakePort((call, requests) => (call >= 2 ? requests.slice(-4) : []))
    const { retry, sleeps } = policy({ maxAttempts: 3 })

    const error = await batchDelete(port, context, all, retry).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(DynamoDBAdapterError)
    expect(error).toMatchObject({
      code: 'UNPROCESSED_ITEMS',
      method: 'deleteUser',
      tableName: table,
    })
    const remaining = [...all.slice(46, 50), ...all.slice(50)]
    expect((error as DynamoDBAdapterError).unprocessedKeys).toEqual(remaining)
    expect((error as Error).message).toContain('14 item(s) were not deleted')
    expect((error as Error).message).toContain(JSON.stringify(all[46]))
    expect((error as Error).message).toContain('and 4 more (see error.unprocessedKeys)')
    // One request for the first chunk, three for the second, none for the third.
    expect(calls).toHaveLength(4)
    expect(sleeps).toHaveLength(2)
  })

  it('lets an error of the request itself through untouched', async () => {
    const failure = new Error('socket hang up')
    const port: Pick<DocumentPort, 'batchWrite'> = {
      batchWrite: async () => {
        throw failure
      },
    }
    await expect(batchDelete(port, context, keys(1), policy().retry)).rejects.toBe(failure)
  })
})
