import { DynamoDBAdapterError } from './errors.js'

/**
 * Table and key names of the Auth.js table; the same option names and defaults as
 * `@auth/dynamodb-adapter`, so a switch needs no change here.
 */
export interface DynamoDBAdapterOptions {
  /**
   * Name of the DynamoDB table.
   * @defaultValue `'next-auth'`
   */
  tableName?: string | undefined
  /**
   * Name of the table's partition key attribute (type String).
   * @defaultValue `'pk'`
   */
  partitionKey?: string | undefined
  /**
   * Name of the table's sort key attribute (type String).
   * @defaultValue `'sk'`
   */
  sortKey?: string | undefined
  /**
   * Name of the global secondary index used for lookups by email, account, session token and
   * credential id (projection ALL).
   * @defaultValue `'GSI1'`
   */
  indexName?: string | undefined
  /**
   * Name of the index's partition key attribute (type String).
   * @defaultValue `'GSI1PK'`
   */
  indexPartitionKey?: string | undefined
  /**
   * Name of the index's sort key attribute (type String).
   * @defaultValue `'GSI1SK'`
   */
  indexSortKey?: string | undefined
}

/** The options after validation, every name present. */
export type ResolvedOptions = Required<{ [K in keyof DynamoDBAdapterOptions]: string }>

// Validated by hand rather than with zod (which the rest of the project uses): the adapter is
// imported into every Edge middleware bundle of a Next.js app, and zod alone added 15 % to it
// (issue 13). These few rules do not need a schema library.

const defaults: ResolvedOptions = {
  tableName: 'next-auth',
  partitionKey: 'pk',
  sortKey: 'sk',
  indexName: 'GSI1',
  indexPartitionKey: 'GSI1PK',
  indexSortKey: 'GSI1SK',
}

const optionNames = Object.keys(defaults) as (keyof ResolvedOptions)[]
const resourceNames = new Set<keyof ResolvedOptions>(['tableName', 'indexName'])
const keyNames = ['partitionKey', 'sortKey', 'indexPartitionKey', 'indexSortKey'] as const

// DynamoDB's naming rules: tables and indexes 3 to 255 of [a-zA-Z0-9_.-], attribute names 1 to
// 255 characters (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html).
function problemWith(name: keyof ResolvedOptions, value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return `must be a string, got ${value === null ? 'null' : typeof value}`
  }
  if (resourceNames.has(name)) {
    return /^[a-zA-Z0-9_.-]{3,255}$/.test(value)
      ? undefined
      : 'must be 3 to 255 characters of a-z, A-Z, 0-9, "_", "-", "."'
  }
  if (value.length === 0) return 'must not be empty'
  if (value.length > 255) return 'must be at most 255 characters'
  return undefined
}

/**
 * Validates adapter options once and fills in the defaults.
 *
 * @throws {@link DynamoDBAdapterError} with code `INVALID_OPTIONS`, naming every bad field.
 */
export function resolveOptions(options: DynamoDBAdapterOptions | undefined): ResolvedOptions {
  const problems: string[] = []
  const resolved: ResolvedOptions = { ...defaults }
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object' || Array.isArray(options)) {
      problems.push(
        `options: must be an object, got ${Array.isArray(options) ? 'an array' : typeof options}`,
      )
    } else {
      for (const [name, value] of Object.entries(options)) {
        // `undefined` means "use the default", as with the upstream adapter's `??`.
        if (value === undefined) continue
        if (!optionNames.includes(name as keyof ResolvedOptions)) {
          problems.push(`options.${name}: is not an option`)
          continue
        }
        const option = name as keyof ResolvedOptions
        const problem = problemWith(option, value)
        if (problem === undefined) resolved[option] = value as string
        else problems.push(`options.${option}: ${problem}`)
      }
    }
  }
  if (problems.length === 0) {
    const seen = new Map<string, string>()
    for (const key of keyNames) {
      const other = seen.get(resolved[key])
      if (other !== undefined) {
        problems.push(`options.${key}: must differ from ${other} (both are "${resolved[key]}")`)
      }
      seen.set(resolved[key], key)
    }
  }
  if (problems.length === 0) return resolved
  throw new DynamoDBAdapterError({
    code: 'INVALID_OPTIONS',
    method: 'DynamoDBAdapter',
    message: `invalid options: ${problems.join('; ')}. Valid keys are tableName, partitionKey, sortKey, indexName, indexPartitionKey and indexSortKey, each a string (or omitted for its default).`,
  })
}
