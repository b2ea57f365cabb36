import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { StoredItem } from '../engine/dynalite-internals.js'
import { EmulatorError } from '../errors/emulator-error.js'
import { looksLikeDynamoJson, SeedItemError, toStoredItem } from './seed-items.js'
import type { SeedFormat, SeedItems, SeedOption, SeedSource } from './seed-types.js'

export type { SeedItems, SeedOption, SeedSource }

/** One item ready to load, with where it came from for error messages. */
export interface SeedEntry {
  /** `file <path>`, or `option` for inline data (`option [i]` among several seeds). */
  readonly origin: string
  readonly tableName: string
  /** Its position in the table's array. */
  readonly index: number
  readonly item: StoredItem
}

/**
 * Reads and converts every seed (files are read now, once).
 * @throws {@link EmulatorError} `INVALID_OPTIONS` naming the file (or seed), the table, the item
 *   and the attribute that is wrong
 */
export async function readSeed(option: SeedOption | undefined): Promise<SeedEntry[]> {
  if (option === undefined) return []
  const sources = Array.isArray(option) ? option : [option]
  const entries: SeedEntry[] = []
  for (const [position, source] of sources.entries()) {
    const path = typeof source === 'string' ? resolve(source) : undefined
    const origin = path ? `file ${path}` : `option${sources.length > 1 ? ` [${position}]` : ''}`
    const data = path ? await readSeedFile(path) : source
    entries.push(...seedEntries(origin, data))
  }
  return entries
}

async function readSeedFile(path: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new EmulatorError(
      'INVALID_OPTIONS',
      `Cannot read the seed file ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message}`,
      { cause: error },
    )
  }
  try {
    // Editors on Windows (and PowerShell's Out-File) start UTF-8 files with a byte order mark,
    // which JSON.parse refuses.
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new EmulatorError(
      'INVALID_OPTIONS',
      `The seed file ${path} is not valid JSON: ${(error as Error).message}`,
      { cause: error },
    )
  }
}

function seedEntries(origin: string, data: unknown): SeedEntry[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new EmulatorError(
      'INVALID_OPTIONS',
      `Seed ${origin} must be a JSON object of table names to arrays of items, such as { "next-auth": [{ "pk": "USER#1", "sk": "USER#1" }] }`,
    )
  }
  const { $format: forced, ...tables } = data as Record<string, unknown>
  if (forced !== undefined && forced !== 'plain' && forced !== 'dynamodb') {
    throw new EmulatorError(
      'INVALID_OPTIONS',
      `Seed ${origin}: "$format" must be "plain" or "dynamodb", got ${JSON.stringify(forced)}`,
    )
  }
  const entries: SeedEntry[] = []
  for (const [tableName, items] of Object.entries(tables)) {
    if (!Array.isArray(items)) {
      throw new EmulatorError(
        'INVALID_OPTIONS',
        `Seed ${origin}: "${tableName}" must be an array of items, got ${typeof items}`,
      )
    }
    const format: SeedFormat = forced ?? formatOf(origin, tableName, items)
    for (const [index, item] of items.entries()) {
      try {
        entries.push({ origin, tableName, index, item: toStoredItem(item, format) })
      } catch (error) {
        if (!(error instanceof SeedItemError)) throw error
        throw seedError(origin, tableName, index, error.path, `${error.message}`)
      }
    }
  }
  return entries
}

/** An error naming where in which seed an item is wrong. */
export function seedError(
  origin: string,
  tableName: string,
  index: number,
  attribute: string | undefined,
  problem: string,
): EmulatorError {
  return new EmulatorError(
    'INVALID_OPTIONS',
    `Seed ${origin}: item ${index} of table "${tableName}"${attribute ? `, attribute "${attribute}"` : ''}: ${problem}`,
  )
}

function unwrapPut(item: object): Record<string, unknown> {
  const put = (item as { PutRequest?: { Item?: unknown } }).PutRequest
  return put && typeof put.Item === 'object' && put.Item !== null
    ? (put.Item as Record<string, unknown>)
    : (item as Record<string, unknown>)
}

/**
 * A table's seed format, read from its items: DynamoDB JSON when every item looks like it,
 * plain JSON when none does. Items of both kinds are refused, naming the first that differs
 * from item 0 (read as plain JSON, a DynamoDB JSON item fails on its key, far from the cause).
 */
function formatOf(origin: string, tableName: string, items: readonly unknown[]): SeedFormat {
  const kinds = items.map((item): SeedFormat | undefined =>
    item === null || typeof item !== 'object' || Array.isArray(item)
      ? undefined
      : looksLikeDynamoJson(unwrapPut(item))
        ? 'dynamodb'
        : 'plain',
  )
  const first = kinds.find((kind) => kind !== undefined) ?? 'plain'
  const other = kinds.findIndex((kind) => kind !== undefined && kind !== first)
  if (other !== -1) {
    const name = (kind: SeedFormat) => (kind === 'dynamodb' ? 'DynamoDB JSON' : 'plain JSON')
    throw seedError(
      origin,
      tableName,
      other,
      undefined,
      `is ${name(kinds[other] as SeedFormat)} while item ${kinds.indexOf(first)} is ${name(first)}: write a table's items in one format, or set "$format" to "plain" or "dynamodb" to say which`,
    )
  }
  return first
}
