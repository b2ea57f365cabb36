import { errorTypeOf } from '../engine/engine-response.js'
import { EmulatorError } from '../errors/emulator-error.js'
import type { RunOperation } from '../namespaces/namespace.js'
import { type SeedEntry, seedError } from './seed-data.js'

interface KeySchema {
  keys: Array<{ name: string; type: string }>
}

/**
 * Writes seed items into their tables, in order, through DynamoDB's own operations (so every
 * DynamoDB rule applies, and listeners of item writes are told). Every key is checked before
 * anything is written; a write DynamoDB rejects stops the load, naming the item.
 *
 * @returns how many items were written
 * @throws {@link EmulatorError} `INVALID_OPTIONS` naming the seed, table, item and attribute:
 *   a table that does not exist, a missing or mistyped key, or DynamoDB's own reason
 */
export async function loadSeed(run: RunOperation, entries: readonly SeedEntry[]): Promise<number> {
  const schemas = new Map<string, KeySchema | undefined>()
  for (const entry of entries) {
    let schema = schemas.get(entry.tableName)
    if (!schemas.has(entry.tableName)) {
      schema = await keySchemaOf(run, entry.tableName)
      schemas.set(entry.tableName, schema)
    }
    if (!schema) {
      const tables = await run('ListTables', {})
      const names = (tables.body.TableNames as string[] | undefined) ?? []
      throw new EmulatorError(
        'INVALID_OPTIONS',
        `Seed ${entry.origin}: there is no table "${entry.tableName}" to load items into (tables: ${names.length > 0 ? names.join(', ') : 'none'}); create it with the tables option, or fix the table name`,
      )
    }
    checkKeys(entry, schema)
  }
  // BatchWriteItem in chunks of 25 is many times faster than a PutItem each; a chunk never holds
  // two items with one key (a later one must win), and a chunk DynamoDB rejects is written again
  // item by item, so the error names the item.
  let chunk: SeedEntry[] = []
  let chunkKeys = new Set<string>()
  const flush = async () => {
    if (chunk.length > 0) await writeChunk(run, chunk)
    chunk = []
    chunkKeys = new Set()
  }
  for (const entry of entries) {
    const schema = schemas.get(entry.tableName) as KeySchema
    const key = JSON.stringify(schema.keys.map(({ name }) => entry.item[name]))
    if (
      chunk.length === batchSize ||
      (chunk.length > 0 && chunk[0]?.tableName !== entry.tableName) ||
      chunkKeys.has(key)
    ) {
      await flush()
    }
    chunk.push(entry)
    chunkKeys.add(key)
  }
  await flush()
  return entries.length
}

const batchSize = 25

async function writeChunk(run: RunOperation, chunk: readonly SeedEntry[]): Promise<void> {
  const tableName = (chunk[0] as SeedEntry).tableName
  const response = await run('BatchWriteItem', {
    RequestItems: { [tableName]: chunk.map((entry) => ({ PutRequest: { Item: entry.item } })) },
  })
  const unprocessed = (response.body.UnprocessedItems ?? {}) as Record<string, unknown[]>
  if (response.statusCode === 200 && Object.keys(unprocessed).length === 0) return
  for (const entry of chunk) {
    const put = await run('PutItem', { TableName: entry.tableName, Item: entry.item })
    if (put.statusCode !== 200) {
      throw seedError(
        entry.origin,
        entry.tableName,
        entry.index,
        undefined,
        `DynamoDB rejects it: ${errorTypeOf(put)}: ${String(put.body.message ?? put.body.Message ?? '')}`,
      )
    }
  }
}

function checkKeys(entry: SeedEntry, schema: KeySchema): void {
  for (const { name, type } of schema.keys) {
    const value = entry.item[name]
    if (value === undefined) {
      throw seedError(
        entry.origin,
        entry.tableName,
        entry.index,
        name,
        `the key attribute is missing (the table's key is ${describeKeys(schema)})`,
      )
    }
    if (!(type in value)) {
      throw seedError(
        entry.origin,
        entry.tableName,
        entry.index,
        name,
        `the key attribute must be of type ${type}, got ${Object.keys(value).join(', ')} (the table's key is ${describeKeys(schema)})`,
      )
    }
  }
}

async function keySchemaOf(run: RunOperation, tableName: string): Promise<KeySchema | undefined> {
  const described = await run('DescribeTable', { TableName: tableName })
  if (described.statusCode !== 200) return undefined
  const table = described.body.Table as {
    KeySchema: Array<{ AttributeName: string }>
    AttributeDefinitions: Array<{ AttributeName: string; AttributeType: string }>
  }
  return {
    keys: table.KeySchema.map(({ AttributeName }) => ({
      name: AttributeName,
      type:
        table.AttributeDefinitions.find((definition) => definition.AttributeName === AttributeName)
          ?.AttributeType ?? 'S',
    })),
  }
}

function describeKeys(schema: KeySchema): string {
  return schema.keys.map(({ name, type }) => `${name} (${type})`).join(', ')
}
