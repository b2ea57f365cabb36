import { type AttributeValue, type DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb'
import {
  DynamoDBDocumentClient,
  NumberValue,
  paginateScan as paginateDocumentScan,
} from '@aws-sdk/lib-dynamodb'
import type { TableItems } from '../admin/admin-types.js'

/** How items are written out: plain JSON, or DynamoDB's typed attribute values. */
export type ItemFormat = 'plain' | 'dynamodb'

/** Every item of a table, paging through the whole scan. */
export async function readTableItems(
  client: DynamoDBClient,
  tableName: string,
  format: ItemFormat = 'plain',
): Promise<TableItems> {
  const items: Array<Record<string, unknown>> = []
  if (format === 'dynamodb') {
    for await (const page of paginateScan({ client }, { TableName: tableName })) {
      items.push(...((page.Items ?? []) as Array<Record<string, AttributeValue>>))
    }
  } else {
    const documentClient = DynamoDBDocumentClient.from(client, {
      // Numbers beyond double precision must not throw or round silently.
      unmarshallOptions: { wrapNumbers: true },
    })
    for await (const page of paginateDocumentScan(
      { client: documentClient },
      { TableName: tableName },
    )) {
      items.push(...(page.Items ?? []).map((item) => toPlainJson(item) as Record<string, unknown>))
    }
  }
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
