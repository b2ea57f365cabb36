import type { AttributeMap } from './attribute-value.js'
import { ownValue } from './attribute-value.js'
import { attributeValuesEqual } from './attribute-value-equality.js'
import { dynaliteDb, type StoredIndex, type StoredTable } from './dynalite-internals.js'

/** A write's ConsumedCapacity, as dynalite's `addConsumedCapacity` builds it. */
export interface WriteCapacity {
  CapacityUnits: number
  TableName: string
  Table?: { CapacityUnits: number }
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits: number }>
  LocalSecondaryIndexes?: Record<string, { CapacityUnits: number }>
}

/**
 * Adds to a write's ConsumedCapacity what it costs in the table's secondary indexes, as
 * DynamoDB Local 3.3 counts it (one write capacity unit per KB of the index entry, rounded up):
 * an index entry that appears or disappears costs its size; one whose index key changes costs
 * the old entry's plus the new one's; one whose projected attributes change costs the larger of
 * the two; an entry that stays the same costs nothing. `CapacityUnits` grows by the sum; with
 * `ReturnConsumedCapacity: 'INDEXES'` each index written is listed under
 * `GlobalSecondaryIndexes` or `LocalSecondaryIndexes`.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.ThroughputConsiderations.Writes
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html#LSI.ThroughputConsiderations.Writes
 */
export function addIndexWrites(
  capacity: WriteCapacity,
  returnConsumedCapacity: unknown,
  table: StoredTable,
  oldItem: AttributeMap | undefined | null,
  newItem: AttributeMap | undefined | null,
): void {
  const kinds = [
    ['GlobalSecondaryIndexes', table.GlobalSecondaryIndexes],
    ['LocalSecondaryIndexes', table.LocalSecondaryIndexes],
  ] as const
  for (const [kind, indexes] of kinds) {
    for (const index of (indexes as StoredIndex[] | undefined) ?? []) {
      const units = indexWriteUnits(
        index,
        indexEntry(oldItem ?? undefined, index, table),
        indexEntry(newItem ?? undefined, index, table),
      )
      if (units === 0) continue
      capacity.CapacityUnits += units
      if (returnConsumedCapacity === 'INDEXES') {
        const listed = capacity[kind] ?? {}
        listed[index.IndexName] = { CapacityUnits: units }
        capacity[kind] = listed
      }
    }
  }
}

/** The entry an item has in an index, or undefined when it lacks one of the index's keys. */
export function indexEntry(
  item: AttributeMap | undefined,
  index: StoredIndex,
  table: StoredTable,
): AttributeMap | undefined {
  if (!item) return undefined
  if (index.KeySchema.some((key) => ownValue(item, key.AttributeName) === undefined)) {
    return undefined
  }
  if (index.Projection.ProjectionType === 'ALL') return item
  const names = [
    ...table.KeySchema.map((key) => key.AttributeName),
    ...index.KeySchema.map((key) => key.AttributeName),
    ...(index.Projection.NonKeyAttributes ?? []),
  ]
  const entry: AttributeMap = {}
  for (const name of names) {
    const value = ownValue(item, name)
    if (value !== undefined) entry[name] = value
  }
  return entry
}

function indexWriteUnits(
  index: StoredIndex,
  before: AttributeMap | undefined,
  after: AttributeMap | undefined,
): number {
  if (!before && !after) return 0
  if (!before) return units(after as AttributeMap)
  if (!after) return units(before)
  const sameKey = index.KeySchema.every((key) =>
    attributeValuesEqual(ownValue(before, key.AttributeName), ownValue(after, key.AttributeName)),
  )
  if (!sameKey) return units(before) + units(after)
  return entriesEqual(before, after) ? 0 : Math.max(units(before), units(after))
}

function units(entry: AttributeMap): number {
  return Math.ceil(dynaliteDb.itemSize(entry as never) / 1024)
}

function entriesEqual(a: AttributeMap, b: AttributeMap): boolean {
  const names = Object.keys(a)
  return (
    names.length === Object.keys(b).length &&
    names.every((name) => attributeValuesEqual(ownValue(a, name), ownValue(b, name)))
  )
}
