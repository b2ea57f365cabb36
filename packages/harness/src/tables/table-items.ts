import { NumberValueImpl as NumberValue, unmarshall } from '@aws-sdk/util-dynamodb'
import { errorTypeOf } from '../engine/engine-response.js'
import { EmulatorError } from '../errors/emulator-error.js'
import type { RunOperation } from '../namespaces/namespace.js'

/** How items are written out: plain JSON, or DynamoDB's typed attribute values. */
export type ItemFormat = 'plain' | 'dynamodb'

/** `GET /_emulator/tables/:name/items`, and `Emulator.items()`. */
export interface TableItems {
  tableName: string
  count: number
  /** Plain JSON values (numbers as numbers, sets as arrays, binary as base64), or DynamoDB JSON with `format: 'dynamodb'`. */
  items: Array<Record<string, unknown>>
}

/** Every item of a table, paging through the whole scan. */
export async function readTableItems(
  run: RunOperation,
  tableName: string,
  format: ItemFormat = 'plain',
): Promise<TableItems> {
  const items: Array<Record<string, unknown>> = []
  let start: Record<string, unknown> | undefined
  do {
    const response = await run('Scan', {
      TableName: tableName,
      ...(start ? { ExclusiveStartKey: start } : {}),
    })
    if (response.statusCode !== 200) {
      throw new EmulatorError(
        errorTypeOf(response) === 'ResourceNotFoundException'
          ? 'TABLE_NOT_FOUND'
          : 'TABLE_SETUP_FAILED',
        `Could not read the items of ${tableName}: ${String(response.body.message ?? '')}`,
      )
    }
    const page = (response.body.Items ?? []) as Array<Record<string, unknown>>
    for (const item of page) {
      items.push(
        format === 'dynamodb'
          ? item
          : (toPlainJson(unmarshall(item as never, { wrapNumbers: true })) as Record<
              string,
              unknown
            >),
      )
    }
    start = response.body.LastEvaluatedKey as Record<string, unknown> | undefined
  } while (start)
  return { tableName, count: items.length, items }
}

/** Turns unmarshalled values into JSON: exact numbers as numbers (else strings), sets as arrays, binary as base64. */
function toPlainJson(value: unknown): unknown {
  if (value instanceof NumberValue) {
    const number = Number(value.value)
    return String(number) === value.value ? number : value.value
  }
  if (value instanceof Set) return [...value].map(toPlainJson)
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64')
  if (Array.isArray(value)) return value.map(toPlainJson)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, field]) => [key, toPlainJson(field)]),
    )
  }
  return value
}
