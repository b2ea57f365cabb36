import { z } from 'zod'
import { EmulatorError } from '../errors/emulator-error.js'
import { maxIndexLagMs } from '../features/index-lag/index-lag.js'
import type { SeedOption } from '../seed/seed-data.js'
import { authjsTable } from '../tables/authjs-table.js'
import type { TableDefinition } from '../tables/table-definition.js'
import type { EmulatorOptions, ResolvedEmulatorOptions } from './emulator-options.js'

// The one definition of valid emulator options. Loaded on the first options that the fast
// path of resolveEmulatorOptions does not vouch for (zod is a third of the package's start).
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

export const optionsSchema = z.strictObject({
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

/**
 * Validates options with the full schema.
 * @throws {@link EmulatorError} `INVALID_OPTIONS`, naming each bad field
 */
export function parseEmulatorOptions(options: EmulatorOptions = {}): ResolvedEmulatorOptions {
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
    seed: seed as SeedOption | undefined,
    indexLag,
  }
}
