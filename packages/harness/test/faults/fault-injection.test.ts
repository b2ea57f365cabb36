import type { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import {
  type Emulator,
  type EmulatorNamespace,
  type FaultErrorType,
  startEmulator,
} from '../../src/index.js'
import { namespaceClient } from '../support/namespace-clients.js'

const TableName = 'next-auth'

let emulator: Emulator
let namespace: EmulatorNamespace
let client: DynamoDBDocument

beforeAll(async () => {
  emulator = await startEmulator({ clock: 'manual', ttl: { mode: 'manual' } })
})
afterAll(() => emulator.stop())

beforeEach(async () => {
  namespace = await emulator.createNamespace()
  client = namespaceClient(emulator, namespace)
  return async () => {
    client.destroy()
    await namespace.dispose()
  }
})

const keysOf = async () =>
  (await namespace.items(TableName)).items.map((item) => `${item.pk}|${item.sk}`).sort()

/** The error a call rejects with (fails the test if it resolves). */
async function failure(call: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await call
  } catch (error) {
    return error as Error & Record<string, unknown>
  }
  throw new Error('expected the call to fail, and it succeeded')
}

describe('error faults', () => {
  test.each<[FaultErrorType, number]>([
    ['ProvisionedThroughputExceededException', 400],
    ['ThrottlingException', 400],
    ['RequestLimitExceeded', 400],
    ['TransactionConflictException', 400],
    ['InternalServerError', 500],
    ['ServiceUnavailableException', 503],
  ])(
    '%s reaches the SDK as that error with HTTP %i, and the write is not applied',
    async (type, status) => {
      namespace.faults.add({ operations: ['PutItem'], action: { type: 'error', error: type } })
      const error = await failure(client.put({ TableName, Item: { pk: 'USER#1', sk: 'USER#1' } }))
      expect(error.name).toBe(type)
      expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(status)
      expect(error.message).toMatch(/injected by auth-dynamo fault rule fault-1/)
      expect(await keysOf()).toEqual([])
    },
  )

  test('a custom message is sent as given', async () => {
    namespace.faults.add({
      action: { type: 'error', error: 'ThrottlingException', message: 'slow down' },
    })
    expect((await failure(client.get({ TableName, Key: { pk: 'a', sk: 'a' } }))).message).toBe(
      'slow down',
    )
  })

  test('the SDK retries a throttled request by itself, and it succeeds once the rule is spent', async () => {
    const retrying = namespaceClient(emulator, namespace, { maxAttempts: 3 })
    namespace.faults.add({
      operations: ['PutItem'],
      action: { type: 'error', error: 'ProvisionedThroughputExceededException' },
      times: 2,
    })
    await retrying.put({ TableName, Item: { pk: 'USER#1', sk: 'USER#1' } })
    expect(await keysOf()).toEqual(['USER#1|USER#1'])
    expect(namespace.faults.list()[0]).toMatchObject({ fired: 2, remaining: 0 })
    retrying.destroy()
  })
})

describe('connection faults', () => {
  test('disconnect resets the connection without running the request', async () => {
    namespace.faults.add({ operations: ['PutItem'], action: { type: 'disconnect' } })
    const error = await failure(client.put({ TableName, Item: { pk: 'USER#1', sk: 'USER#1' } }))
    expect(error.code ?? error.name).toMatch(/ECONNRESET|TimeoutError/)
    expect(await keysOf()).toEqual([])
  })

  test('latency delays the request, then runs it', async () => {
    namespace.faults.add({ operations: ['PutItem'], action: { type: 'latency', ms: 1500 } })
    const started = performance.now()
    const put = client.put({ TableName, Item: { pk: 'USER#1', sk: 'USER#1' } })
    // The request waits in the emulator: nothing is written yet.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(await keysOf()).toEqual([])
    await put
    // A lower bound only: the emulator slept at least this long before running it.
    expect(performance.now() - started).toBeGreaterThanOrEqual(1490)
    expect(await keysOf()).toEqual(['USER#1|USER#1'])
  })
})

describe('lost responses', () => {
  test('then: error applies the write and answers with an error (InternalServerError by default)', async () => {
    namespace.faults.add({
      operations: ['PutItem'],
      action: { type: 'lost-response', respond: 'error' },
      times: 1,
    })
    const error = await failure(client.put({ TableName, Item: { pk: 'USER#1', sk: 'USER#1' } }))
    expect(error.name).toBe('InternalServerError')
    expect(error.message).toMatch(/after running it/)
    expect(await keysOf()).toEqual(['USER#1|USER#1'])
  })

  test('then: disconnect applies the write and cuts the connection', async () => {
    namespace.faults.add({
      operations: ['DeleteItem'],
      action: { type: 'lost-response', respond: 'disconnect' },
    })
    await client.put({ TableName, Item: { pk: 'USER#1', sk: 'USER#1' } })
    const error = await failure(client.delete({ TableName, Key: { pk: 'USER#1', sk: 'USER#1' } }))
    expect(error.code ?? error.name).toMatch(/ECONNRESET|TimeoutError/)
    expect(await keysOf()).toEqual([])
  })

  test('a conditional write retried after a lost response meets its own write', async () => {
    const retrying = namespaceClient(emulator, namespace, { maxAttempts: 2 })
    namespace.faults.add({
      operations: ['PutItem'],
      action: { type: 'lost-response', respond: 'error', error: 'InternalServerError' },
      times: 1,
    })
    // The SDK retries the 500 by itself: the retry finds the item the first attempt wrote.
    const error = await failure(
      retrying.put({
        TableName,
        Item: { pk: 'USER#1', sk: 'USER#1' },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
    expect(error.name).toBe('ConditionalCheckFailedException')
    expect(await keysOf()).toEqual(['USER#1|USER#1'])
    retrying.destroy()
  })

  test('a rejected request loses its answer too: the client sees the injected error', async () => {
    namespace.faults.add({
      operations: ['GetItem'],
      action: { type: 'lost-response', respond: 'error', error: 'ThrottlingException' },
    })
    const error = await failure(client.get({ TableName: 'no-such-table', Key: { pk: 'a' } }))
    expect(error.name).toBe('ThrottlingException')
  })
})

describe('how often a rule fires', () => {
  test('times: N fires on exactly the next N matching requests', async () => {
    namespace.faults.add({
      operations: ['GetItem'],
      action: { type: 'error', error: 'ThrottlingException' },
      times: 2,
    })
    const outcomes: string[] = []
    for (let i = 0; i < 4; i++) {
      outcomes.push(
        await client.get({ TableName, Key: { pk: 'a', sk: 'a' } }).then(
          () => 'ok',
          (error: Error) => error.name,
        ),
      )
      // Requests the rule does not match never use up its count.
      await client.put({ TableName, Item: { pk: `p${i}`, sk: 's' } })
    }
    expect(outcomes).toEqual(['ThrottlingException', 'ThrottlingException', 'ok', 'ok'])
    expect(namespace.faults.list()).toMatchObject([{ matched: 2, fired: 2, remaining: 0 }])
  })

  test('probability with a seed fires on the same requests every run', async () => {
    const run = async () => {
      const target = await emulator.createNamespace()
      const targetClient = namespaceClient(emulator, target)
      target.faults.add({
        operations: ['GetItem'],
        action: { type: 'error', error: 'ThrottlingException' },
        probability: 0.5,
        seed: 1234,
      })
      const fired: number[] = []
      for (let i = 0; i < 30; i++) {
        await targetClient.get({ TableName, Key: { pk: 'a', sk: 'a' } }).catch(() => fired.push(i))
      }
      const [status] = target.faults.list()
      targetClient.destroy()
      await target.dispose()
      return { fired, status }
    }
    const first = await run()
    const second = await run()
    expect(second.fired).toEqual(first.fired)
    expect(first.status).toMatchObject({ seed: 1234, matched: 30, fired: first.fired.length })
    // A fair coin over 30 tries: never all or nothing.
    expect(first.fired.length).toBeGreaterThan(0)
    expect(first.fired.length).toBeLessThan(30)
  })

  test('a rule without a seed reports the one it drew, which reproduces its run', async () => {
    const { seed } = namespace.faults.add({
      action: { type: 'error', error: 'ThrottlingException' },
      probability: 0.3,
    })
    expect(Number.isInteger(seed)).toBe(true)
  })

  test('the first rule that fires acts; the others do not count a fire', async () => {
    namespace.faults.add({
      operations: ['PutItem'],
      action: { type: 'error', error: 'ThrottlingException' },
      times: 1,
    })
    namespace.faults.add({
      operations: ['PutItem'],
      action: { type: 'error', error: 'InternalServerError' },
    })
    const first = await failure(client.put({ TableName, Item: { pk: 'a', sk: 'a' } }))
    const second = await failure(client.put({ TableName, Item: { pk: 'a', sk: 'a' } }))
    expect([first.name, second.name]).toEqual(['ThrottlingException', 'InternalServerError'])
    expect(namespace.faults.list().map((rule) => rule.fired)).toEqual([1, 1])
  })
})

describe('what a rule matches', () => {
  test('by table, also inside BatchGetItem and BatchWriteItem', async () => {
    await namespace.createTable({
      TableName: 'other',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    })
    namespace.faults.add({
      tables: ['other'],
      action: { type: 'error', error: 'ThrottlingException' },
    })
    await client.put({ TableName, Item: { pk: 'a', sk: 'a' } })
    expect((await failure(client.put({ TableName: 'other', Item: { id: 'x' } }))).name).toBe(
      'ThrottlingException',
    )
    const batch = client.batchWrite({
      RequestItems: {
        [TableName]: [{ PutRequest: { Item: { pk: 'b', sk: 'b' } } }],
        other: [{ PutRequest: { Item: { id: 'y' } } }],
      },
    })
    expect((await failure(batch)).name).toBe('ThrottlingException')
    const get = client.batchGet({ RequestItems: { other: { Keys: [{ id: 'x' }] } } })
    expect((await failure(get)).name).toBe('ThrottlingException')
    await client.batchGet({ RequestItems: { [TableName]: { Keys: [{ pk: 'a', sk: 'a' }] } } })
    expect(namespace.faults.list()[0]?.fired).toBe(3)
  })

  test('by key prefix: Key, the key of an Item, batch keys and Query key conditions', async () => {
    namespace.faults.add({
      keyPrefix: 'SESSION#',
      action: { type: 'error', error: 'ThrottlingException' },
    })
    await client.put({ TableName, Item: { pk: 'USER#1', sk: 'USER#1', note: 'SESSION#not-a-key' } })
    const put = client.put({ TableName, Item: { pk: 'USER#1', sk: 'SESSION#t1' } })
    expect((await failure(put)).name).toBe('ThrottlingException')
    const get = client.get({ TableName, Key: { pk: 'USER#1', sk: 'SESSION#t1' } })
    expect((await failure(get)).name).toBe('ThrottlingException')
    const query = client.query({
      TableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': 'USER#1', ':sk': 'SESSION#' },
    })
    expect((await failure(query)).name).toBe('ThrottlingException')
    const batch = client.batchWrite({
      RequestItems: {
        [TableName]: [{ DeleteRequest: { Key: { pk: 'USER#1', sk: 'SESSION#t2' } } }],
      },
    })
    expect((await failure(batch)).name).toBe('ThrottlingException')
    // A Scan names no key: it never matches a key prefix.
    expect((await client.scan({ TableName })).Count).toBe(1)
    expect(await keysOf()).toEqual(['USER#1|USER#1'])
  })

  test('by principal: one access key of the namespace, not its others', async () => {
    const alice = namespaceClient(emulator, namespace, { principal: 'alice' })
    const bob = namespaceClient(emulator, namespace, { principal: 'bob' })
    namespace.faults.add({
      principal: `${namespace.credentials.accessKeyId}.alice`,
      action: { type: 'error', error: 'ThrottlingException' },
    })
    expect((await failure(alice.put({ TableName, Item: { pk: 'a', sk: 'a' } }))).name).toBe(
      'ThrottlingException',
    )
    await bob.put({ TableName, Item: { pk: 'b', sk: 'b' } })
    expect(await keysOf()).toEqual(['b|b'])
    alice.destroy()
    bob.destroy()
  })
})

describe('partial batches', () => {
  const puts = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      PutRequest: { Item: { pk: `USER#${i}`, sk: 'x' } },
    }))

  test('BatchWriteItem leaves the chosen fraction unwritten and returns it in UnprocessedItems', async () => {
    namespace.faults.add({ action: { type: 'partial-batch', fraction: 0.5 }, seed: 1 })
    const response = await client.batchWrite({ RequestItems: { [TableName]: puts(5) } })
    const unprocessed = response.UnprocessedItems?.[TableName] ?? []
    expect(unprocessed).toHaveLength(3) // half of 5, rounded up
    const left = unprocessed.map((entry) => `${entry.PutRequest?.Item?.pk}|x`)
    const all = puts(5).map((entry) => `${entry.PutRequest.Item.pk}|x`)
    expect(await keysOf()).toEqual(all.filter((key) => !left.includes(key)).sort())

    // Sending the unprocessed items again completes the batch once the rule is gone.
    namespace.faults.clear()
    await client.batchWrite({ RequestItems: response.UnprocessedItems ?? {} })
    expect(await keysOf()).toEqual([...all].sort())
  })

  test('the same seed leaves the same items unprocessed', async () => {
    const unprocessedWith = async (seed: number) => {
      const target = await emulator.createNamespace()
      const targetClient = namespaceClient(emulator, target)
      target.faults.add({ action: { type: 'partial-batch', fraction: 0.3 }, seed })
      const response = await targetClient.batchWrite({ RequestItems: { [TableName]: puts(10) } })
      targetClient.destroy()
      await target.dispose()
      return response.UnprocessedItems?.[TableName]?.map((entry) => entry.PutRequest?.Item?.pk)
    }
    const first = await unprocessedWith(99)
    expect(first).toHaveLength(3)
    expect(await unprocessedWith(99)).toEqual(first)
  })

  test('only items matching the rule can be left over', async () => {
    namespace.faults.add({ keyPrefix: 'VT#', action: { type: 'partial-batch', fraction: 1 } })
    const response = await client.batchWrite({
      RequestItems: {
        [TableName]: [
          { PutRequest: { Item: { pk: 'USER#1', sk: 'USER#1' } } },
          { PutRequest: { Item: { pk: 'VT#a', sk: 'VT#1' } } },
          { DeleteRequest: { Key: { pk: 'VT#b', sk: 'VT#2' } } },
        ],
      },
    })
    expect(response.UnprocessedItems).toEqual({
      [TableName]: [
        { PutRequest: { Item: { pk: 'VT#a', sk: 'VT#1' } } },
        { DeleteRequest: { Key: { pk: 'VT#b', sk: 'VT#2' } } },
      ],
    })
    expect(await keysOf()).toEqual(['USER#1|USER#1'])
  })

  test('when no item would be processed, DynamoDB answers ProvisionedThroughputExceededException', async () => {
    namespace.faults.add({ action: { type: 'partial-batch', fraction: 1 } })
    const error = await failure(client.batchWrite({ RequestItems: { [TableName]: puts(2) } }))
    expect(error.name).toBe('ProvisionedThroughputExceededException')
    expect(await keysOf()).toEqual([])
  })

  test('BatchGetItem returns the chosen keys in UnprocessedKeys, with the request options', async () => {
    await client.batchWrite({ RequestItems: { [TableName]: puts(4) } })
    namespace.faults.add({
      operations: ['BatchGetItem'],
      action: { type: 'partial-batch', fraction: 0.5 },
    })
    const response = await client.batchGet({
      RequestItems: {
        [TableName]: {
          Keys: [0, 1, 2, 3].map((i) => ({ pk: `USER#${i}`, sk: 'x' })),
          ProjectionExpression: 'pk',
          ConsistentRead: true,
        },
      },
    })
    const unprocessed = response.UnprocessedKeys?.[TableName]
    expect(unprocessed).toMatchObject({ ProjectionExpression: 'pk', ConsistentRead: true })
    expect(unprocessed?.Keys).toHaveLength(2)
    const returned = (response.Responses?.[TableName] ?? []).map((item) => item.pk)
    const leftOver = (unprocessed?.Keys ?? []).map((key) => key.pk)
    expect([...returned, ...leftOver].sort()).toEqual(['USER#0', 'USER#1', 'USER#2', 'USER#3'])
    expect(response.Responses?.[TableName]?.[0]).toEqual({ pk: expect.any(String) })
  })

  test('a delete loop that retries UnprocessedItems empties the table (as the README shows)', async () => {
    const keys = Array.from({ length: 30 }, (_, i) => ({ pk: 'USER#1', sk: `SESSION#${i}` }))
    for (const key of keys) await client.put({ TableName, Item: key })
    namespace.faults.add({
      operations: ['BatchWriteItem'],
      action: { type: 'partial-batch', fraction: 0.5 },
      times: 2,
    })
    let attempts = 0
    for (let start = 0; start < keys.length; start += 25) {
      let requests = keys
        .slice(start, start + 25)
        .map((Key) => ({ DeleteRequest: { Key } })) as Array<Record<string, unknown>>
      while (requests.length > 0) {
        attempts++
        const response = await client.batchWrite({ RequestItems: { [TableName]: requests } })
        requests = (response.UnprocessedItems?.[TableName] ?? []) as Array<Record<string, unknown>>
      }
    }
    expect(namespace.faults.list()).toEqual([expect.objectContaining({ fired: 2, remaining: 0 })])
    expect(attempts).toBe(4) // two chunks, each once left half unprocessed
    expect((await namespace.items(TableName)).count).toBe(0)
  })

  test('an invalid batch gets its own error, and the rule is not used up', async () => {
    namespace.faults.add({ action: { type: 'partial-batch', fraction: 0.5 }, times: 1 })
    const duplicate = { PutRequest: { Item: { pk: 'a', sk: 'a' } } }
    const error = await failure(
      client.batchWrite({ RequestItems: { [TableName]: [duplicate, duplicate] } }),
    )
    expect(error.name).toBe('ValidationException')
    expect(error.message).toMatch(/duplicates/)
    expect(namespace.faults.list()[0]).toMatchObject({ matched: 0, fired: 0, remaining: 1 })
  })
})

describe('scope', () => {
  test("a namespace's rules never fire for another namespace, nor for the default one", async () => {
    const other = await emulator.createNamespace()
    const otherClient = namespaceClient(emulator, other)
    const defaultClient = namespaceClient(emulator, emulator.namespace())
    namespace.faults.add({ action: { type: 'error', error: 'InternalServerError' } })
    await otherClient.put({ TableName, Item: { pk: 'a', sk: 'a' } })
    await defaultClient.put({ TableName, Item: { pk: 'a', sk: 'a' } })
    expect(namespace.faults.list()[0]).toMatchObject({ matched: 0 })
    otherClient.destroy()
    defaultClient.destroy()
    await other.dispose()
    await emulator.namespace().reset()
  })

  test("reset clears the namespace's rules; the emulator's own work is never faulted", async () => {
    namespace.faults.add({ action: { type: 'error', error: 'InternalServerError' } })
    // Sweeps, items() and table creation do not go through the rules.
    await namespace.sweep()
    await namespace.createAuthjsTable()
    expect((await namespace.items(TableName)).count).toBe(0)
    await namespace.reset()
    expect(namespace.faults.list()).toEqual([])
    await client.put({ TableName, Item: { pk: 'a', sk: 'a' } })
  })

  test('remove takes one rule away', async () => {
    const { id } = namespace.faults.add({ action: { type: 'error', error: 'InternalServerError' } })
    expect(namespace.faults.remove(id)).toBe(true)
    expect(namespace.faults.remove(id)).toBe(false)
    await client.put({ TableName, Item: { pk: 'a', sk: 'a' } })
  })
})

describe('bad rules', () => {
  test.each([
    [{ action: { type: 'error', error: 'NoSuchError' } }, /action.error/],
    [{ action: { type: 'latency', ms: -1 } }, /action.ms/],
    [{ action: { type: 'partial-batch', fraction: 0 } }, /fraction must be more than 0/],
    [{ action: { type: 'error', error: 'ThrottlingException' }, probability: 2 }, /probability/],
    [{ action: { type: 'error', error: 'ThrottlingException' }, times: 0 }, /times/],
    [{ action: { type: 'error', error: 'ThrottlingException' }, tabels: ['x'] }, /tabels/],
    [
      { operations: ['PutItem'], action: { type: 'partial-batch', fraction: 0.5 } },
      /BatchWriteItem and BatchGetItem only, not PutItem/,
    ],
    [
      { action: { type: 'lost-response', respond: 'disconnect', error: 'InternalServerError' } },
      /sends no error/,
    ],
    [{}, /action/],
  ])('%j is refused with INVALID_OPTIONS naming what is wrong', (rule, problem) => {
    expect(() => namespace.faults.add(rule as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS', message: expect.stringMatching(problem) }),
    )
  })

  test('a namespace holds at most 100 rules', () => {
    for (let i = 0; i < 100; i++) namespace.faults.add({ action: { type: 'disconnect' }, times: 1 })
    expect(() => namespace.faults.add({ action: { type: 'disconnect' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_STATE' }),
    )
  })
})
