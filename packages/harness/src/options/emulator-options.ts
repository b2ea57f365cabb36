import type { IndexLagOption } from '../features/index-lag/index-lag.js'
import type { SeedOption } from '../seed/seed-data.js'
import { authjsTable } from '../tables/authjs-table.js'
import type { TableDefinition } from '../tables/table-definition.js'

/** How and when the emulator deletes expired items. */
export interface TtlOptions {
  /**
   * `interval`: sweep every `intervalMs`; `manual`: sweep only when `sweep()` is called;
   * `lag`: sweep every `intervalMs`, but keep an item readable for `lagMs` after it expires,
   * as the real service does.
   * @defaultValue `'interval'`
   */
  mode?: 'interval' | 'manual' | 'lag'
  /** @defaultValue `1000` */
  intervalMs?: number
  /** Only for mode `lag`. @defaultValue `0` */
  lagMs?: number
}

/** Options of {@link startEmulator}; every field is optional. */
export interface EmulatorOptions {
  /** TCP port; `0` picks a free one. @defaultValue `0` */
  port?: number
  /** Interface to listen on. @defaultValue `'127.0.0.1'` */
  host?: string
  /** Region reported to clients and in ARNs. @defaultValue `'us-east-1'` */
  region?: string
  /**
   * Tables created at start and after `reset()`: CreateTable inputs, optionally with a
   * CloudFormation-style `TimeToLiveSpecification`.
   * @defaultValue `[authjsTable()]`
   */
  tables?: TableDefinition[]
  /** `system` follows the machine's time; `manual` moves only by advance/set. @defaultValue `'system'` */
  clock?: 'system' | 'manual'
  /** TTL sweeping. @defaultValue `{ mode: 'interval', intervalMs: 1000, lagMs: 0 }` */
  ttl?: TtlOptions
  /** A directory for on-disk storage of the default namespace (created if missing); in memory when absent. */
  persist?: string
  /**
   * Host names accepted in requests besides loopback names and the bound address, e.g. a Docker
   * Compose service name. Requests naming any other host are refused (DNS rebinding).
   * @defaultValue `[]`
   */
  allowedHosts?: string[]
  /**
   * The token every admin API request must carry (`Authorization: Bearer <token>`).
   * @defaultValue none on a loopback host; a random token when `host` is not loopback
   */
  adminToken?: string
  /**
   * Items loaded into the tables at start, after `reset()`, and into every namespace made with
   * the emulator's tables: a JSON file's path, `{ tableName: items }` (plain JSON, or DynamoDB
   * JSON), or several of them. With `persist`, only tables that are empty get seed items.
   * @defaultValue none
   */
  seed?: SeedOption
  /**
   * Milliseconds global secondary index writes take to show (eventual consistency): one number
   * for every table, or `{ tableName: ms }`; up to 600,000. Applies to every namespace unless
   * it is made with its own.
   * @defaultValue `0` (indexes change with the write)
   */
  indexLag?: IndexLagOption
}

/** {@link EmulatorOptions} with every default filled in. */
export interface ResolvedEmulatorOptions {
  port: number
  host: string
  region: string
  tables: TableDefinition[]
  clock: 'system' | 'manual'
  ttl: Required<TtlOptions>
  persist: string | undefined
  allowedHosts: string[]
  adminToken: string | undefined
  seed: SeedOption | undefined
  indexLag: IndexLagOption | undefined
}

/**
 * Validates options once, at construction. Options of the common shapes (what the CLI, the
 * vitest globalSetup and most callers pass) are checked here without loading the schema;
 * anything else, and every mistake, goes through the full schema in `options-schema.ts`, which
 * alone decides what is wrong and says so.
 * @throws {@link EmulatorError} `INVALID_OPTIONS`, naming each bad field
 */
export async function resolveEmulatorOptions(
  options: EmulatorOptions = {},
): Promise<ResolvedEmulatorOptions> {
  const resolved = resolveCommonOptions(options)
  if (resolved) return resolved
  const { parseEmulatorOptions } = await import('./options-schema.js')
  return parseEmulatorOptions(options)
}

const optionKeys = new Set([
  'port',
  'host',
  'region',
  'tables',
  'clock',
  'ttl',
  'persist',
  'allowedHosts',
  'adminToken',
])
const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d+$/
const tableNamePattern = /^[a-zA-Z0-9_.-]{3,255}$/

/**
 * The resolved options when `options` are plainly valid, or undefined when the full schema
 * must decide. It may send valid options to the schema (that only costs time), but it must
 * never accept what the schema refuses, and it must fill defaults exactly as the schema does.
 */
function resolveCommonOptions(options: unknown): ResolvedEmulatorOptions | undefined {
  if (!isPlainObject(options)) return undefined
  for (const key of Object.keys(options)) if (!optionKeys.has(key)) return undefined
  const { port = 0, host = '127.0.0.1', region = 'us-east-1', clock = 'system' } = options
  const { tables, ttl, persist, allowedHosts = [], adminToken } = options
  if (!Number.isSafeInteger(port) || (port as number) < 0 || (port as number) > 65_535) {
    return undefined
  }
  if (typeof host !== 'string' || host.length === 0) return undefined
  if (typeof region !== 'string' || !regionPattern.test(region)) return undefined
  if (clock !== 'system' && clock !== 'manual') return undefined
  if (persist !== undefined && (typeof persist !== 'string' || persist.length === 0)) {
    return undefined
  }
  if (
    !Array.isArray(allowedHosts) ||
    allowedHosts.length > 100 ||
    !allowedHosts.every(
      (name) => typeof name === 'string' && name.length >= 1 && name.length <= 253,
    )
  ) {
    return undefined
  }
  if (
    adminToken !== undefined &&
    (typeof adminToken !== 'string' || adminToken.length < 16 || adminToken.length > 512)
  ) {
    return undefined
  }
  const resolvedTtl = commonTtl(ttl)
  const resolvedTables = tables === undefined ? [authjsTable()] : commonTables(tables)
  if (!resolvedTtl || !resolvedTables) return undefined
  return {
    port: port as number,
    host,
    region,
    tables: resolvedTables,
    clock,
    ttl: resolvedTtl,
    persist: persist as string | undefined,
    allowedHosts: [...(allowedHosts as string[])],
    adminToken: adminToken as string | undefined,
    // Seeds and index lag always go through the schema (they are not among optionKeys).
    seed: undefined,
    indexLag: undefined,
  }
}

function commonTtl(ttl: unknown): Required<TtlOptions> | undefined {
  if (ttl === undefined) return { mode: 'interval', intervalMs: 1000, lagMs: 0 }
  if (!isPlainObject(ttl)) return undefined
  for (const key of Object.keys(ttl)) {
    if (key !== 'mode' && key !== 'intervalMs' && key !== 'lagMs') return undefined
  }
  const { mode = 'interval', intervalMs = 1000, lagMs = 0 } = ttl
  if (mode !== 'interval' && mode !== 'manual' && mode !== 'lag') return undefined
  if (!Number.isSafeInteger(intervalMs) || (intervalMs as number) < 1) return undefined
  if (!Number.isSafeInteger(lagMs) || (lagMs as number) < 0) return undefined
  if (mode !== 'lag' && lagMs !== 0) return undefined
  return { mode, intervalMs: intervalMs as number, lagMs: lagMs as number }
}

function commonTables(tables: unknown): TableDefinition[] | undefined {
  if (!Array.isArray(tables)) return undefined
  const names = new Set<string>()
  const resolved: TableDefinition[] = []
  for (const table of tables) {
    if (!isPlainObject(table)) return undefined
    const { TableName, KeySchema, AttributeDefinitions } = table
    if (typeof TableName !== 'string' || !tableNamePattern.test(TableName)) return undefined
    if (names.has(TableName)) return undefined
    names.add(TableName)
    const keySchema = exactObjects(KeySchema, 1, 2, (element) =>
      nonEmptyString(element.AttributeName) &&
      (element.KeyType === 'HASH' || element.KeyType === 'RANGE')
        ? { AttributeName: element.AttributeName, KeyType: element.KeyType }
        : undefined,
    )
    const attributes = exactObjects(AttributeDefinitions, 1, Number.POSITIVE_INFINITY, (element) =>
      nonEmptyString(element.AttributeName) &&
      (element.AttributeType === 'S' ||
        element.AttributeType === 'N' ||
        element.AttributeType === 'B')
        ? { AttributeName: element.AttributeName, AttributeType: element.AttributeType }
        : undefined,
    )
    if (!keySchema || !attributes) return undefined
    let timeToLive: Record<string, unknown> | undefined
    if ('TimeToLiveSpecification' in table) {
      const [specification] =
        exactObjects([table.TimeToLiveSpecification], 1, 1, (element) =>
          typeof element.AttributeName === 'string' &&
          element.AttributeName.length >= 1 &&
          element.AttributeName.length <= 255 &&
          typeof element.Enabled === 'boolean'
            ? { AttributeName: element.AttributeName, Enabled: element.Enabled }
            : undefined,
        ) ?? []
      if (!specification) return undefined
      timeToLive = specification
    }
    resolved.push({
      ...table,
      KeySchema: keySchema,
      AttributeDefinitions: attributes,
      ...(timeToLive ? { TimeToLiveSpecification: timeToLive } : {}),
    } as unknown as TableDefinition)
  }
  return resolved
}

/**
 * Each element of `list` mapped by `check`, when `list` is an array of `min` to `max` plain
 * objects holding only the keys `check` keeps (the schema would drop others: the schema decides).
 */
function exactObjects(
  list: unknown,
  min: number,
  max: number,
  check: (element: Record<string, unknown>) => Record<string, unknown> | undefined,
): Array<Record<string, unknown>> | undefined {
  if (!Array.isArray(list) || list.length < min || list.length > max) return undefined
  const checked: Array<Record<string, unknown>> = []
  for (const element of list) {
    if (!isPlainObject(element)) return undefined
    const kept = check(element)
    if (!kept || Object.keys(element).length !== Object.keys(kept).length) return undefined
    checked.push(kept)
  }
  return checked
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
