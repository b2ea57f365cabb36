import { z } from 'zod'
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

// DynamoDB's own naming rules for tables and indexes: 3 to 255 of [a-zA-Z0-9_.-].
const resourceName = z
  .string()
  .regex(/^[a-zA-Z0-9_.-]{3,255}$/, 'must be 3 to 255 characters of a-z, A-Z, 0-9, "_", "-", "."')
const attributeName = z
  .string()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')

const optionsSchema = z
  .strictObject({
    tableName: resourceName.default('next-auth'),
    partitionKey: attributeName.default('pk'),
    sortKey: attributeName.default('sk'),
    indexName: resourceName.default('GSI1'),
    indexPartitionKey: attributeName.default('GSI1PK'),
    indexSortKey: attributeName.default('GSI1SK'),
  })
  .superRefine((options, context) => {
    const keys = ['partitionKey', 'sortKey', 'indexPartitionKey', 'indexSortKey'] as const
    const seen = new Map<string, string>()
    for (const key of keys) {
      const other = seen.get(options[key])
      if (other !== undefined) {
        context.addIssue({
          code: 'custom',
          path: [key],
          message: `must differ from ${other} (both are "${options[key]}")`,
        })
      }
      seen.set(options[key], key)
    }
  })

/**
 * Validates adapter options once and fills in the defaults.
 *
 * @throws {@link DynamoDBAdapterError} with code `INVALID_OPTIONS`, naming every bad field.
 */
export function resolveOptions(options: DynamoDBAdapterOptions | undefined): ResolvedOptions {
  // `undefined` values mean "use the default", as with the upstream adapter's `??`.
  const input =
    typeof options === 'object' && options !== null
      ? Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined))
      : (options ?? {})
  const result = optionsSchema.safeParse(input)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => {
    const path = ['options', ...issue.path.map(String)].join('.')
    return `${path}: ${issue.message}`
  })
  throw new DynamoDBAdapterError({
    code: 'INVALID_OPTIONS',
    method: 'DynamoDBAdapter',
    message: `invalid options: ${problems.join('; ')}. Valid keys are tableName, partitionKey, sortKey, indexName, indexPartitionKey and indexSortKey, each a string (or omitted for its default).`,
  })
}
