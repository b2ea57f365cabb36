import { errorTypeOf } from '../engine/engine-response.js'
import { EmulatorError } from '../errors/emulator-error.js'
import type { RunOperation } from '../namespaces/namespace.js'
import { type SeedEntry, seedError } from './seed-data.js'

interface KeySchema {
  keys: Array<{ name: string; type: string }>
}

/**
 * Writes seed items into their tables, in order, each as a PutItem (so every DynamoDB rule
 * applies, and listeners of item writes are told). Stops at the first item DynamoDB rejects.
 *
 * @returns how many items were written
 * @throws {@link EmulatorError} `INVALID_OPTIONS` naming the seed, table, item and attribute:
 *   a table that does not exist, a missing or mistyped key, or DynamoDB's own reason
 */
export async function loadSeed(run: RunOperation, entries: readonly SeedEntry[]): Promise<number> {
  const schemas = new Map<string, KeySchema | undefined>()
  let written = 0
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
    const response = await run('PutItem', { TableName: entry.tableName, Item: entry.item })
    if (response.statusCode !== 200) {
      throw seedError(
        entry.origin,
        entry.tableName,
        entry.index,
        undefined,
        `DynamoDB rejects it: ${errorTypeOf(response)}: ${String(response.body.message ?? response.body.Message ?? '')}`,
      )
    }
    written++
  }
  return written
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
