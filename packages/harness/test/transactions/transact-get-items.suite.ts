import type { TransactGetItem, TransactGetItemsCommandInput } from '@aws-sdk/client-dynamodb'
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb'
import { beforeAll, expect, test } from 'vitest'
import { createTable, seed, type Target } from '../support/targets.js'
import { type Outcome, transactGet } from './transaction-cases.js'

type Item = Record<string, unknown>

interface Expectation {
  result: string
  message?: RegExp
  reasons?: Outcome['reasons']
  /** Each response's item, in request order; undefined for `{}`. */
  items?: Array<Item | undefined>
  response?: Record<string, unknown>
}

interface GetCase {
  name: string
  gets: (table: string, other: string) => TransactGetItem[]
  extra?: Partial<TransactGetItemsCommandInput>
  expect: Expectation
  /** Where DynamoDB Local answers otherwise: what it answers, and why the emulator does not. */
  local?: Expectation & { why: string }
}

const seeded: Item[] = [
  { pk: 'a', n: 1, s: 'x' },
  { pk: 'b', n: 2 },
]
const get = (table: string, pk: string, extra = {}) => ({
  Get: { TableName: table, Key: marshall({ pk }), ...extra },
})

const cases: GetCase[] = [
  {
    name: 'items come back in request order, a missing one as an empty entry',
    gets: (t) => [get(t, 'b'), get(t, 'nobody'), get(t, 'a')],
    expect: { result: 'ok', items: [{ pk: 'b', n: 2 }, undefined, { pk: 'a', n: 1, s: 'x' }] },
  },
  {
    name: 'a projection with attribute names',
    gets: (t) => [
      get(t, 'a', { ProjectionExpression: '#s', ExpressionAttributeNames: { '#s': 's' } }),
    ],
    expect: { result: 'ok', items: [{ s: 'x' }] },
  },
  {
    name: 'gets across two tables',
    gets: (t, u) => [get(u, 'u'), get(t, 'a')],
    expect: { result: 'ok', items: [{ pk: 'u' }, { pk: 'a', n: 1, s: 'x' }] },
  },
  {
    name: 'the same item twice is refused',
    gets: (t) => [get(t, 'a'), get(t, 'a')],
    expect: { result: 'ValidationException', message: /multiple operations on one item/ },
  },
  {
    name: 'an empty TransactItems is refused',
    gets: () => [],
    expect: { result: 'ValidationException' },
  },
  {
    name: '100 gets are accepted',
    gets: (t) => Array.from({ length: 100 }, (_, i) => get(t, `k${i}`)),
    expect: { result: 'ok' },
  },
  {
    name: '101 gets are refused',
    gets: (t) => Array.from({ length: 101 }, (_, i) => get(t, `k${i}`)),
    expect: { result: 'ValidationException', message: /less than or equal to 100/ },
  },
  {
    name: 'a get from a missing table is refused',
    gets: (t) => [get(t, 'a'), get('no-such-table-anywhere', 'a')],
    expect: { result: 'ResourceNotFoundException' },
  },
  {
    name: 'a key of the wrong type cancels the request',
    gets: (t) => [{ Get: { TableName: t, Key: { pk: { N: '1' } } } }, get(t, 'a')],
    expect: {
      result: 'TransactionCanceledException',
      reasons: [{ code: 'ValidationError' }, { code: 'None' }],
    },
    local: {
      why: 'DynamoDB Local 3.3.0 sends no CancellationReasons; the service lists one per action, in request order (API_CancellationReason.html)',
      result: 'TransactionCanceledException',
      reasons: [],
    },
  },
  {
    name: 'a projection that does not parse is refused',
    gets: (t) => [get(t, 'a', { ProjectionExpression: 'n,' })],
    expect: { result: 'ValidationException', message: /Invalid ProjectionExpression/ },
  },
  {
    name: 'ReturnConsumedCapacity counts 2 units per item read (4 KB each)',
    gets: (t) => [get(t, 'a'), get(t, 'nobody')],
    extra: { ReturnConsumedCapacity: 'INDEXES' },
    expect: {
      result: 'ok',
      response: { ConsumedCapacity: [{ CapacityUnits: 4, Table: { CapacityUnits: 4 } }] },
    },
  },
]

/** The TransactGetItems cases, on whichever DynamoDB `target()` returns (the emulator or DynamoDB Local). */
export function transactGetItemsSuite(target: () => Target): void {
  let table: string
  let other: string
  beforeAll(async () => {
    table = await createTable(target().client, 'tg')
    other = await createTable(target().client, 'tg')
    await seed(target().client, table, seeded)
    await seed(target().client, other, [{ pk: 'u' }])
  })

  test.each(cases)('$name', async (getCase) => {
    const expected =
      target().name === 'DynamoDB Local' && getCase.local ? getCase.local : getCase.expect
    const outcome = await transactGet(target().client, {
      TransactItems: getCase.gets(table, other),
      ...getCase.extra,
    })
    expect(outcome.result, outcome.message).toBe(expected.result)
    if (expected.message) expect(outcome.message).toMatch(expected.message)
    if (expected.reasons) expect(outcome.reasons).toEqual(expected.reasons)
    if (expected.response) expect(outcome.response).toMatchObject(expected.response)
    if (expected.items) {
      const responses = (outcome.response?.Responses ?? []) as Array<{
        Item?: Record<string, never>
      }>
      expect(responses.map((entry) => (entry.Item ? unmarshall(entry.Item) : undefined))).toEqual(
        expected.items,
      )
    }
  })
}
