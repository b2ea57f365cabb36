import { z } from 'zod'
import { EmulatorError } from '../errors/emulator-error.js'
// peers (issue 11)
import { type IndexLagOption, maxIndexLagMs } from '../features/index-lag/index-lag.js'
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
  // ---- peers (issue 11) ----
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

const keyElement = z.object({
  AttributeName: z.string().min(1),
  KeyType: z.enum(['HASH', 'RANGE']),
})

const tableDefinitionSchema = z.looseObject({
  TableName: z
    .string({ error: 'every table needs a TableName (string)' })
    .regex(/^[a-zA-Z0-9_.-]{3,255}$/, 'TableName must be 3-255 characters of a-z A-Z 0-9 _ . -'),
  KeySchema: z.array(keyElement).min(1).max(2),
  AttributeDefinitions: z
    .array(z.object({ AttributeName: z.string().min(1), AttributeType: z.enum(['S', 'N', 'B']) }))
    .min(1),
  TimeToLiveSpecification: z
    .object({ AttributeName: z.string().min(1).max(255), Enabled: z.boolean() })
    .optional(),
})

const optionsSchema = z.strictObject({
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.string().min(1).default('127.0.0.1'),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'region must look like us-east-1')
    .default('us-east-1'),
  tables: z
    .array(tableDefinitionSchema)
    .refine((tables) => new Set(tables.map((t) => t.TableName)).size === tables.length, {
      message: 'two tables have the same TableName',
    })
    .optional(),
  clock: z.enum(['system', 'manual']).default('system'),
  ttl: z
    .strictObject({
      mode: z.enum(['interval', 'manual', 'lag']).default('interval'),
      intervalMs: z.number().int().min(1).default(1000),
      lagMs: z.number().int().min(0).default(0),
    })
    .refine((ttl) => ttl.mode === 'lag' || ttl.lagMs === 0, {
      message: "lagMs only applies to mode 'lag'",
      path: ['lagMs'],
    })
    .default({ mode: 'interval', intervalMs: 1000, lagMs: 0 }),
  persist: z.string().min(1).optional(),
  allowedHosts: z.array(z.string().min(1).max(253)).max(100).default([]),
  adminToken: z.string().min(16, 'adminToken must be at least 16 characters').max(512).optional(),
  // peers (issue 11)
  seed: z
    .union([
      z.string().min(1),
      z.record(z.string(), z.unknown()),
      z.array(z.union([z.string().min(1), z.record(z.string(), z.unknown())])),
    ])
    .optional(),
  indexLag: z
    .union([
      z.number().int().min(0).max(maxIndexLagMs),
      z.record(z.string().min(1), z.number().int().min(0).max(maxIndexLagMs)),
    ])
    .optional(),
})

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
  // peers (issue 11)
  seed: SeedOption | undefined
  indexLag: IndexLagOption | undefined
}

/**
 * Validates options once, at construction.
 * @throws {@link EmulatorError} `INVALID_OPTIONS`, naming each bad field
 */
export function resolveEmulatorOptions(options: EmulatorOptions = {}): ResolvedEmulatorOptions {
  const parsed = optionsSchema.safeParse(options)
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(options)'}: ${issue.message}`,
    )
    throw new EmulatorError('INVALID_OPTIONS', `Invalid emulator options: ${problems.join('; ')}`)
  }
  const { tables, persist, adminToken, seed, indexLag, ...rest } = parsed.data
  return {
    ...rest,
    tables: (tables as TableDefinition[] | undefined) ?? [authjsTable()],
    persist,
    adminToken,
    // peers (issue 11)
    seed: seed as SeedOption | undefined,
    indexLag,
  }
}
