import type { TransactWriteItem, TransactWriteItemsCommandInput } from '@aws-sdk/client-dynamodb'
import { marshall } from '@aws-sdk/util-dynamodb'
import { expect, test } from 'vitest'
import { createTable, scanAll, seed, type Target } from '../support/targets.js'
import { type Outcome, transactWrite } from './transaction-cases.js'

type Item = Record<string, unknown>

/** What a case expects a target to answer, and the table's items afterwards. */
interface Expectation {
  result: string
  reasons?: Outcome['reasons']
  message?: RegExp
  /** The items afterwards; `seeded` for unchanged. */
  after?: Item[] | 'seeded'
  response?: Record<string, unknown>
}

interface WriteCase {
  name: string
  seed?: Item[]
  actions: (table: string) => TransactWriteItem[]
  extra?: Partial<TransactWriteItemsCommandInput>
  expect: Expectation
  /** Where DynamoDB Local answers otherwise: what it answers, and why the emulator does not. */
  local?: Expectation & { why: string }
}

const seeded: Item[] = [
  { pk: 'a', n: 1 },
  { pk: 'b', n: 2 },
  { pk: 'c', n: 3, w: 'str' },
]
const key = (pk: string) => marshall({ pk })
const put = (table: string, item: Item, extra: Partial<TransactWriteItem['Put']> = {}) => ({
  Put: { TableName: table, Item: marshall(item), ...extra },
})
const increment = (
  table: string,
  pk: string,
  extra: Partial<TransactWriteItem['Update']> = {},
) => ({
  Update: {
    TableName: table,
    Key: key(pk),
    UpdateExpression: 'ADD n :one',
    ExpressionAttributeValues: marshall({ ':one': 1 }),
    ...extra,
  },
})
const remove = (table: string, pk: string, extra: Partial<TransactWriteItem['Delete']> = {}) => ({
  Delete: { TableName: table, Key: key(pk), ...extra },
})
const check = (table: string, pk: string, expression: string, extra = {}) => ({
  ConditionCheck: { TableName: table, Key: key(pk), ConditionExpression: expression, ...extra },
})
const absent = 'attribute_not_exists(pk)'
const present = 'attribute_exists(pk)'
const cancelled = (...codes: string[]) => ({
  result: 'TransactionCanceledException',
  reasons: codes.map((code) => ({ code })),
  after: 'seeded' as const,
})

// The same cases run on the emulator and on DynamoDB Local; where Local answers otherwise, the
// case says what Local answers and why the emulator follows the service instead.
const cases: WriteCase[] = [
  {
    name: 'Put, Update, Delete and ConditionCheck apply together',
    seed: seeded,
    actions: (t) => [
      put(t, { pk: 'd', v: 'x' }),
      increment(t, 'a'),
      remove(t, 'b'),
      check(t, 'c', present),
    ],
    expect: {
      result: 'ok',
      after: [
        { pk: 'a', n: 2 },
        { pk: 'c', n: 3, w: 'str' },
        { pk: 'd', v: 'x' },
      ],
    },
  },
  {
    name: 'a failing ConditionCheck cancels every action and changes nothing',
    seed: seeded,
    actions: (t) => [put(t, { pk: 'd' }), increment(t, 'a'), check(t, 'c', absent)],
    expect: cancelled('None', 'None', 'ConditionalCheckFailed'),
  },
  {
    name: 'every failing condition has its reason in request order, with the item only where ALL_OLD asks and the item exists',
    seed: seeded,
    actions: (t) => [
      check(t, 'a', absent),
      put(t, { pk: 'x' }),
      check(t, 'c', absent, { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }),
      check(t, 'nobody', present, { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }),
      remove(t, 'b', {
        ConditionExpression: absent,
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    ],
    expect: {
      result: 'TransactionCanceledException',
      reasons: [
        { code: 'ConditionalCheckFailed' },
        { code: 'None' },
        { code: 'ConditionalCheckFailed', item: { pk: 'c', n: 3, w: 'str' } },
        { code: 'ConditionalCheckFailed' },
        { code: 'ConditionalCheckFailed', item: { pk: 'b', n: 2 } },
      ],
      after: 'seeded',
    },
  },
  {
    name: 'a failing Update condition with ALL_OLD returns the item',
    seed: seeded,
    actions: (t) => [
      increment(t, 'a', {
        ConditionExpression: 'n > :big',
        ExpressionAttributeValues: marshall({ ':one': 1, ':big': 5 }),
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
      remove(t, 'b'),
    ],
    expect: {
      result: 'TransactionCanceledException',
      reasons: [{ code: 'ConditionalCheckFailed', item: { pk: 'a', n: 1 } }, { code: 'None' }],
      after: 'seeded',
    },
  },
  {
    name: 'an Update of a missing item creates it; a Delete of a missing item succeeds',
    seed: seeded,
    actions: (t) => [increment(t, 'new'), remove(t, 'nobody')],
    expect: { result: 'ok', after: [...seeded, { pk: 'new', n: 1 }] },
  },
  {
    name: 'two actions on one item are refused',
    seed: seeded,
    actions: (t) => [put(t, { pk: 'a' }), increment(t, 'a')],
    expect: {
      result: 'ValidationException',
      message: /multiple operations on one item/,
      after: 'seeded',
    },
  },
  {
    name: 'a ConditionCheck and a Put on one item are refused',
    seed: seeded,
    actions: (t) => [check(t, 'a', present), put(t, { pk: 'a' })],
    expect: { result: 'ValidationException', message: /multiple operations on one item/ },
  },
  {
    name: 'an empty TransactItems is refused',
    actions: () => [],
    expect: { result: 'ValidationException', message: /length greater than or equal to 1/ },
  },
  {
    name: '100 actions are accepted',
    actions: (t) => Array.from({ length: 100 }, (_, i) => put(t, { pk: `k${i}` })),
    expect: { result: 'ok' },
  },
  {
    name: '101 actions are refused',
    actions: (t) => Array.from({ length: 101 }, (_, i) => put(t, { pk: `k${i}` })),
    expect: { result: 'ValidationException', message: /less than or equal to 100/, after: [] },
  },
  {
    name: 'an entry with both a Put and a Delete is refused',
    actions: (t) => [{ ...put(t, { pk: 'x' }), ...remove(t, 'y') }],
    expect: { result: 'ValidationException', message: /only contain one of/ },
  },
  {
    name: 'an entry with no action is refused',
    actions: () => [{}],
    expect: { result: 'ValidationException', message: /should contain Delete or Put or Update/ },
  },
  {
    name: 'a ConditionCheck without a ConditionExpression is refused',
    seed: seeded,
    actions: (t) => [{ ConditionCheck: { TableName: t, Key: key('a') } } as TransactWriteItem],
    expect: {
      result: 'ValidationException',
      message: /transactItems\.1\.member\.conditionCheck\.conditionExpression/,
    },
  },
  {
    name: 'an invalid UpdateExpression refuses the request before anything is written',
    seed: seeded,
    actions: (t) => [put(t, { pk: 'x' }), increment(t, 'a', { UpdateExpression: 'ADD' })],
    expect: { result: 'ValidationException', message: /Invalid UpdateExpression/, after: 'seeded' },
  },
  {
    name: 'a key of the wrong type fails its action alone',
    seed: seeded,
    actions: (t) => [check(t, 'a', absent), { Delete: { TableName: t, Key: { pk: { N: '1' } } } }],
    expect: cancelled('ConditionalCheckFailed', 'ValidationError'),
  },
  {
    name: 'a missing key attribute refuses the request',
    actions: (t) => [{ Put: { TableName: t, Item: marshall({ other: 'x' }) } }],
    expect: { result: 'ValidationException', message: /required keys was not given a value/ },
  },
  {
    name: 'an action on a missing table refuses the request',
    seed: seeded,
    actions: (t) => [put(t, { pk: 'x' }), put('no-such-table-anywhere', { pk: 'x' })],
    expect: { result: 'ResourceNotFoundException', after: 'seeded' },
  },
  {
    name: "an update the item's type breaks (ADD to a string) cancels the transaction",
    seed: seeded,
    actions: (t) => [
      put(t, { pk: 'x' }),
      {
        Update: {
          TableName: t,
          Key: key('c'),
          UpdateExpression: 'ADD w :one',
          ExpressionAttributeValues: marshall({ ':one': 1 }),
        },
      },
    ],
    expect: cancelled('None', 'ValidationError'),
    local: {
      why: 'DynamoDB Local 3.3.0 refuses the whole request; the service cancels, naming the action (API_TransactWriteItems.html, TransactionCanceledException: "a similar validation error occurs because of changes made by the transaction")',
      result: 'ValidationException',
      message: /incorrect data type/,
      after: 'seeded',
    },
  },
  {
    name: 'an Update without an UpdateExpression is refused',
    seed: seeded,
    actions: (t) => [{ Update: { TableName: t, Key: key('a') } } as unknown as TransactWriteItem],
    expect: { result: 'ValidationException', message: /update\.updateExpression/, after: 'seeded' },
    local: {
      why: 'DynamoDB Local 3.3.0 accepts it and writes nothing; UpdateExpression is required by the service (API_Update.html)',
      result: 'ok',
      after: 'seeded',
    },
  },
  {
    name: 'more than 4 MB of items is refused, weighed as DynamoDB Local weighs it',
    actions: (t) =>
      Array.from({ length: 11 }, (_, i) => put(t, { pk: `big${i}`, pad: 'x'.repeat(390_000) })),
    expect: {
      result: 'ValidationException',
      message: /cannot exceed 4MB\. Payload Size: 4290100$/,
      after: [],
    },
  },
  {
    name: 'a Put of an item over 400 KB is refused',
    actions: (t) => [put(t, { pk: 'big', pad: 'x'.repeat(410_000) })],
    expect: { result: 'ValidationException', message: /Item size has exceeded/ },
  },
  {
    name: 'a ClientRequestToken over 36 characters is refused',
    actions: (t) => [put(t, { pk: 'd' })],
    extra: { ClientRequestToken: 't'.repeat(37) },
    expect: { result: 'ValidationException', message: /clientRequestToken/, after: [] },
  },
  {
    name: 'ReturnConsumedCapacity TOTAL reports 2 units per 1 KB written',
    actions: (t) => [put(t, { pk: 'd' })],
    extra: { ReturnConsumedCapacity: 'TOTAL' },
    expect: { result: 'ok', response: { ConsumedCapacity: [{ CapacityUnits: 2 }] } },
  },
  {
    name: 'the units of several items of a table add up',
    actions: (t) => [
      put(t, { pk: 'd' }),
      put(t, { pk: 'e' }),
      put(t, { pk: 'f', pad: 'x'.repeat(3000) }),
    ],
    extra: { ReturnConsumedCapacity: 'INDEXES' },
    expect: {
      result: 'ok',
      response: { ConsumedCapacity: [{ CapacityUnits: 10, Table: { CapacityUnits: 10 } }] },
    },
    local: {
      why: 'DynamoDB Local 3.3.0 counts 1 KB items of a table once (8 units here); the service charges each item (developerguide/transaction-apis.html#transaction-capacity-handling)',
      result: 'ok',
      response: { ConsumedCapacity: [{ CapacityUnits: 8, Table: { CapacityUnits: 8 } }] },
    },
  },
  {
    name: 'a guarded transfer keeps the sum',
    seed: [
      { pk: 'from', n: 10 },
      { pk: 'to', n: 0 },
    ],
    actions: (t) => [
      {
        Update: {
          TableName: t,
          Key: key('from'),
          UpdateExpression: 'SET n = n - :x',
          ConditionExpression: 'n >= :x',
          ExpressionAttributeValues: marshall({ ':x': 7 }),
        },
      },
      {
        Update: {
          TableName: t,
          Key: key('to'),
          UpdateExpression: 'SET n = n + :x',
          ExpressionAttributeValues: marshall({ ':x': 7 }),
        },
      },
    ],
    expect: {
      result: 'ok',
      after: [
        { pk: 'from', n: 3 },
        { pk: 'to', n: 7 },
      ],
    },
  },
  {
    name: 'a user and its uniqueness item written together; a second claim of the email is cancelled',
    seed: [{ pk: 'USER#1', email: 'a@example.com' }, { pk: 'EMAIL#a@example.com' }],
    actions: (t) => [
      put(t, { pk: 'USER#2', email: 'a@example.com' }, { ConditionExpression: absent }),
      put(t, { pk: 'EMAIL#a@example.com' }, { ConditionExpression: absent }),
    ],
    expect: cancelled('None', 'ConditionalCheckFailed'),
  },
]

/** The TransactWriteItems cases, on whichever DynamoDB `target()` returns (the emulator or DynamoDB Local). */
export function transactWriteItemsSuite(target: () => Target): void {
  test.each(cases)('$name', async (writeCase) => {
    const expected =
      target().name === 'DynamoDB Local' && writeCase.local ? writeCase.local : writeCase.expect
    const table = await createTable(target().client, 'tx')
    await seed(target().client, table, writeCase.seed ?? [])
    const outcome = await transactWrite(target().client, {
      TransactItems: writeCase.actions(table),
      ...writeCase.extra,
    })
    expect(outcome.result, outcome.message).toBe(expected.result)
    if (expected.message) expect(outcome.message).toMatch(expected.message)
    if (expected.reasons) expect(outcome.reasons).toEqual(expected.reasons)
    if (expected.response) expect(outcome.response).toMatchObject(expected.response)
    if (expected.after) {
      const after = expected.after === 'seeded' ? (writeCase.seed ?? []) : expected.after
      expect(await scanAll(target().client, table)).toEqual(
        [...after].sort((a, b) => String(a.pk).localeCompare(String(b.pk))),
      )
    }
  })
}
