import { describe, expect, test } from 'vitest'
import { resolveTableNames, toAuthjsRecord } from '../../src/dynamodb/index.js'

const defaults = resolveTableNames()
const custom = resolveTableNames({
  partitionKey: 'PK',
  sortKey: 'SK',
  indexPartitionKey: 'lookupPK',
  indexSortKey: 'lookupSK',
})

describe('toAuthjsRecord', () => {
  test('removes the key and index attributes under the configured names, and only those', () => {
    const item = { PK: 'USER#1', SK: 'USER#1', lookupPK: 'x', lookupSK: 'x', pk: 'mine', id: '1' }
    expect(toAuthjsRecord(item, custom, 'USER')).toEqual({ pk: 'mine', id: '1' })
    expect(
      toAuthjsRecord({ pk: 'a', sk: 'b', GSI1PK: 'c', GSI1SK: 'd', id: '1' }, defaults, 'USER'),
    ).toEqual({ id: '1' })
  })

  test("removes the type marker of the entity read, and keeps an account's own type", () => {
    expect(toAuthjsRecord({ type: 'SESSION', sessionToken: 't' }, defaults, 'SESSION')).toEqual({
      sessionToken: 't',
    })
    expect(toAuthjsRecord({ type: 'oauth', provider: 'github' }, defaults, undefined)).toEqual({
      type: 'oauth',
      provider: 'github',
    })
    expect(
      toAuthjsRecord({ type: 'USER' }, defaults, 'SESSION'),
      'a marker of another entity',
    ).toEqual({
      type: 'USER',
    })
  })

  test('reads expires from whole or fractional epoch seconds and from a legacy ISO string', () => {
    const read = (expires: unknown) => toAuthjsRecord({ expires }, defaults, 'VT').expires
    expect(read(1_700_000_000)).toEqual(new Date('2023-11-14T22:13:20.000Z'))
    expect(read(1_700_000_000.123)).toEqual(new Date('2023-11-14T22:13:20.123Z'))
    expect(read('2023-11-14T22:13:20.000Z')).toEqual(new Date('2023-11-14T22:13:20.000Z'))
    expect(read('soon'), 'anything else is left for the comparison to catch').toBe('soon')
  })

  test('turns top-level ISO date-time strings into Dates, and leaves other strings and nested values', () => {
    const record = toAuthjsRecord(
      {
        emailVerified: '2024-01-02T03:04:05.678Z',
        offset: '2024-01-02T03:04:05+02:00',
        day: '2024-01-02',
        note: 'signed up 2024-01-02T03:04:05.678Z',
        nested: { at: '2024-01-02T03:04:05.678Z' },
        invalid: '2024-13-45T99:99:99.000Z',
      },
      defaults,
      'USER',
    )
    expect(record).toEqual({
      emailVerified: new Date('2024-01-02T03:04:05.678Z'),
      offset: new Date('2024-01-02T01:04:05.000Z'),
      day: '2024-01-02',
      note: 'signed up 2024-01-02T03:04:05.678Z',
      nested: { at: '2024-01-02T03:04:05.678Z' },
      invalid: '2024-13-45T99:99:99.000Z',
    })
  })
})
