import { expect, test } from 'vitest'
import { compareRuns } from '../../src/compare-runs.js'
import { formatDifferences } from '../../src/format-differences.js'
import { type KnownDifference, verdictOf } from '../../src/known-difference.js'
import { summarise } from '../../src/summary.js'

const listed: KnownDifference = {
  side: 'emulator-bug',
  reason: 'r',
  source: 'https://docs.aws.amazon.com/',
}

test('a listed case must differ, an unlisted one must not', () => {
  expect(verdictOf(false, undefined)).toBe('agree')
  expect(verdictOf(true, undefined)).toBe('unlisted')
  expect(verdictOf(true, listed)).toBe('emulator-bug')
  expect(verdictOf(true, { ...listed, side: 'on-purpose' })).toBe('on-purpose')
  expect(verdictOf(false, listed)).toBe('stale')
})

test('compareRuns reports the differing steps, and formatDifferences their paths', () => {
  const local = [
    { step: 'step 1 GetItem', outcome: { status: 200, body: { Item: { v: { N: '1' } } } } },
    { step: 'step 2 Scan', outcome: { status: 200, body: { Count: 1 } } },
  ]
  const emulator = [
    { step: 'step 1 GetItem', outcome: { status: 200, body: { Item: { v: { N: '2' } } } } },
    { step: 'step 2 Scan', outcome: { status: 200, body: { Count: 1 } } },
  ]
  const differences = compareRuns(local, emulator)
  expect(differences.map((d) => d.step)).toEqual(['step 1 GetItem'])
  expect(formatDifferences(differences)).toContain(
    'body.Item.v.N\n    DynamoDB Local: "1"\n    emulator:       "2"',
  )
  expect(compareRuns(local, local.slice(0, 1)).map((d) => d.step)).toEqual(['step 2 Scan'])
})

test('summarise counts by verdict and gives the item API and transactions figure', () => {
  const summary = summarise([
    { id: 'a/1', area: 'a', scope: 'item-api', verdict: 'agree' },
    { id: 'a/2', area: 'a', scope: 'item-api', verdict: 'emulator-bug' },
    { id: 't/1', area: 't', scope: 'transactions', verdict: 'on-purpose' },
    { id: 'c/1', area: 'c', scope: 'control-plane', verdict: 'agree', serviceDiffers: true },
  ])
  expect(summary.sentence).toBe(
    '2 of 4 cases answer as DynamoDB Local does, 1 differ on purpose (listed), 1 emulator bugs listed',
  )
  expect(summary.itemApiAndTransactions).toMatchObject({
    cases: 3,
    agree: 1,
    agreePercent: 33.3,
    agreeOrOnPurposePercent: 66.7,
  })
  expect(summary.agreeWhereLocalDiffersFromService).toEqual(['c/1'])
})
