import { expect } from 'vitest'
import type { DynamoDBAdapterOptions } from '../../../src/index.js'

const markers = ['USER', 'SESSION', 'VT', 'AUTHENTICATOR']

/** Asserts that an object returned by the adapter carries no storage attribute. */
export function expectNoStorageAttributes(value: unknown, options: DynamoDBAdapterOptions = {}) {
  expect(value).toBeTypeOf('object')
  const names = [
    options.partitionKey ?? 'pk',
    options.sortKey ?? 'sk',
    options.indexPartitionKey ?? 'GSI1PK',
    options.indexSortKey ?? 'GSI1SK',
  ]
  const record = value as Record<string, unknown>
  for (const name of names) expect(record, `attribute "${name}"`).not.toHaveProperty(name)
  if ('type' in record) expect(markers, 'type marker').not.toContain(record.type)
}
