import { describe, expect, test } from 'vitest'
import { authjsTableDefaults, resolveTableNames } from '../../src/dynamodb/index.js'

describe('resolveTableNames', () => {
  test('fills in the adapter defaults, treating undefined as left out', () => {
    expect(resolveTableNames()).toEqual(authjsTableDefaults)
    expect(resolveTableNames({ tableName: 'auth', sortKey: undefined })).toEqual({
      ...authjsTableDefaults,
      tableName: 'auth',
    })
  })

  test('rejects bad names with DYNAMODB_INVALID_OPTIONS, naming each field', () => {
    const attempt = () =>
      resolveTableNames({ tableName: 'a b', indexName: 'x', partitionKey: '' } as never)
    expect(attempt).toThrow(expect.objectContaining({ code: 'DYNAMODB_INVALID_OPTIONS' }))
    for (const field of ['tableName', 'indexName', 'partitionKey']) {
      expect(attempt).toThrow(`table.${field}: must`)
    }
  })

  test('rejects key attributes that share a name, and unknown fields', () => {
    expect(() => resolveTableNames({ partitionKey: 'id', indexPartitionKey: 'id' })).toThrow(
      /must all differ/,
    )
    expect(() => resolveTableNames({ tablename: 'auth' } as never)).toThrow(/tablename/)
  })
})
