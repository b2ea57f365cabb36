import { NumberValueImpl as NumberValue, unmarshall } from '@aws-sdk/util-dynamodb'
import type { AdministeredEmulator } from '../admin/admin-router.js'
import type { Namespace } from '../namespaces/namespace.js'
import { rawTableNames } from '../snapshot/raw-table-data.js'
import type { PlainItem } from './authjs-view.js'

/** What the inspector shows of a table. */
export interface TableSummary {
  readonly name: string
  readonly partitionKey: string
  readonly sortKey: string | undefined
  readonly indexes: string[]
  readonly itemCount: number
  readonly ttlAttribute: string | undefined
  readonly indexLagMs: number
}

/** One page of a table's items. */
export interface ItemPage {
  readonly items: PlainItem[]
  /** The cursor of the next page, or undefined on the last. */
  readonly next: string | undefined
  /** Items scanned to fill the page (more than shown when a prefix filters). */
  readonly scanned: number
}

// A page of the item list; and how many items the Auth.js view reads at most, so a huge table
// cannot make one page load take minutes.
export const pageSize = 25
export const authjsViewLimit = 5000

/** Every namespace, the default one first. */
export function allNamespaces(emulator: AdministeredEmulator): Namespace[] {
  return [emulator.defaultNamespace, ...emulator.namespaces()]
}

/** The tables of a namespace, described. */
export async function tableSummaries(namespace: Namespace): Promise<TableSummary[]> {
  const names = await rawTableNames(namespace.engine.store)
  return namespace.shared(async (run) => {
    const summaries: TableSummary[] = []
    for (const name of names.sort()) {
      const described = await run('DescribeTable', { TableName: name })
      if (described.statusCode !== 200) continue
      const table = described.body.Table as {
        KeySchema: Array<{ AttributeName: string; KeyType: string }>
        GlobalSecondaryIndexes?: Array<{ IndexName: string }>
        LocalSecondaryIndexes?: Array<{ IndexName: string }>
        ItemCount?: number
      }
      const count = await run('Scan', { TableName: name, Select: 'COUNT' })
      summaries.push({
        name,
        partitionKey: table.KeySchema.find((key) => key.KeyType === 'HASH')?.AttributeName ?? '',
        sortKey: table.KeySchema.find((key) => key.KeyType === 'RANGE')?.AttributeName,
        indexes: [
          ...(table.GlobalSecondaryIndexes ?? []),
          ...(table.LocalSecondaryIndexes ?? []),
        ].map((index) => index.IndexName),
        itemCount: Number(count.body.Count ?? 0),
        ttlAttribute: namespace.ttl.attributeOf(name),
        indexLagMs: namespace.indexLag.lagFor(name),
      })
    }
    return summaries
  })
}

/**
 * A page of items whose partition or sort key starts with `prefix` (all items without one),
 * after the cursor `start`.
 */
export async function itemPage(
  namespace: Namespace,
  table: TableSummary,
  prefix: string,
  start: string | undefined,
  limit = pageSize,
): Promise<ItemPage> {
  const keyNames = [table.partitionKey, ...(table.sortKey ? [table.sortKey] : [])]
  let exclusiveStartKey = decodeCursor(start)
  const items: Array<Record<string, unknown>> = []
  let scanned = 0
  let more = true
  await namespace.shared(async (run) => {
    while (items.length < limit && more) {
      const response = await run('Scan', {
        TableName: table.name,
        Limit: 100,
        ...(prefix
          ? {
              FilterExpression: keyNames.map((_, i) => `begins_with(#k${i}, :prefix)`).join(' OR '),
              ExpressionAttributeNames: Object.fromEntries(
                keyNames.map((name, i) => [`#k${i}`, name]),
              ),
              ExpressionAttributeValues: { ':prefix': { S: prefix } },
            }
          : {}),
        ...(exclusiveStartKey ? { ExclusiveStartKey: exclusiveStartKey } : {}),
      })
      if (response.statusCode !== 200) break
      scanned += Number(response.body.ScannedCount ?? 0)
      items.push(...((response.body.Items ?? []) as Array<Record<string, unknown>>))
      exclusiveStartKey = response.body.LastEvaluatedKey as Record<string, unknown> | undefined
      more = exclusiveStartKey !== undefined
    }
  })
  const shown = items.slice(0, limit)
  const last = shown.at(-1)
  const cut = items.length > limit || more
  return {
    items: shown.map(toPlain),
    next:
      cut && last
        ? encodeCursor(Object.fromEntries(keyNames.map((name) => [name, last[name]])))
        : undefined,
    scanned,
  }
}

/** Every item of a table (up to {@link authjsViewLimit}), as plain JSON. */
export async function allItems(
  namespace: Namespace,
  tableName: string,
): Promise<{ items: PlainItem[]; complete: boolean }> {
  const items: PlainItem[] = []
  let start: Record<string, unknown> | undefined
  await namespace.shared(async (run) => {
    do {
      const response = await run('Scan', {
        TableName: tableName,
        ...(start ? { ExclusiveStartKey: start } : {}),
      })
      if (response.statusCode !== 200) break
      for (const item of (response.body.Items ?? []) as Array<Record<string, unknown>>) {
        items.push(toPlain(item))
      }
      start = response.body.LastEvaluatedKey as Record<string, unknown> | undefined
    } while (start && items.length < authjsViewLimit)
  })
  return { items: items.slice(0, authjsViewLimit), complete: start === undefined }
}

function toPlain(item: Record<string, unknown>): PlainItem {
  return toJson(unmarshall(item as never, { wrapNumbers: true })) as PlainItem
}

function toJson(value: unknown): unknown {
  if (value instanceof NumberValue) {
    const number = Number(value.value)
    return String(number) === value.value ? number : value.value
  }
  if (value instanceof Set) return [...value].map(toJson)
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64')
  if (Array.isArray(value)) return value.map(toJson)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, toJson(field)]))
  }
  return value
}

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    return key && typeof key === 'object' && !Array.isArray(key)
      ? (key as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}
