import { z } from 'zod'
import { DynamoDBConformanceError } from './dynamodb-conformance-error.js'

/**
 * The names of the Auth.js table, its keys and its index, under the option names that both
 * `@auth-dynamo/adapter` and `@auth/dynamodb-adapter` take, so one object configures the adapter
 * under test, the probes and the backend.
 */
export interface AuthjsTableNames {
  /** The table name. */
  readonly tableName: string
  /** The partition key attribute (String). */
  readonly partitionKey: string
  /** The sort key attribute (String). */
  readonly sortKey: string
  /** The global secondary index (projection ALL). */
  readonly indexName: string
  /** The index's partition key attribute (String). */
  readonly indexPartitionKey: string
  /** The index's sort key attribute (String). */
  readonly indexSortKey: string
}

/** Custom names for the Auth.js table; each one left out takes its default. */
export type AuthjsTableOptions = Partial<AuthjsTableNames>

/** The default names, the same as both adapters'. */
export const authjsTableDefaults: AuthjsTableNames = Object.freeze({
  tableName: 'next-auth',
  partitionKey: 'pk',
  sortKey: 'sk',
  indexName: 'GSI1',
  indexPartitionKey: 'GSI1PK',
  indexSortKey: 'GSI1SK',
})

// DynamoDB's naming rules: tables and indexes 3 to 255 of [a-zA-Z0-9_.-], attributes 1 to 255.
const resourceName = z
  .string()
  .regex(/^[a-zA-Z0-9_.-]{3,255}$/, 'must be 3 to 255 characters of a-z, A-Z, 0-9, "_", "-", "."')
const attributeName = z.string().min(1, 'must not be empty').max(255, 'must be at most 255 long')

const namesSchema = z
  .strictObject({
    tableName: resourceName.default(authjsTableDefaults.tableName),
    partitionKey: attributeName.default(authjsTableDefaults.partitionKey),
    sortKey: attributeName.default(authjsTableDefaults.sortKey),
    indexName: resourceName.default(authjsTableDefaults.indexName),
    indexPartitionKey: attributeName.default(authjsTableDefaults.indexPartitionKey),
    indexSortKey: attributeName.default(authjsTableDefaults.indexSortKey),
  })
  .refine(
    (names) =>
      new Set([names.partitionKey, names.sortKey, names.indexPartitionKey, names.indexSortKey])
        .size === 4,
    { message: 'partitionKey, sortKey, indexPartitionKey and indexSortKey must all differ' },
  )

/**
 * Validates custom names and fills in the defaults.
 *
 * @param options - custom names; `undefined` fields take their defaults
 * @returns every name
 * @throws {@link DynamoDBConformanceError} `DYNAMODB_INVALID_OPTIONS` naming each bad field
 */
export function resolveTableNames(options: AuthjsTableOptions = {}): AuthjsTableNames {
  const defined = Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  )
  const result = namesSchema.safeParse(defined)
  if (result.success) return Object.freeze(result.data)
  const problems = result.error.issues.map(
    (issue) => `${['table', ...issue.path.map(String)].join('.')}: ${issue.message}`,
  )
  throw new DynamoDBConformanceError(
    'DYNAMODB_INVALID_OPTIONS',
    `invalid Auth.js table names: ${problems.join('; ')}. Valid keys are tableName, partitionKey, sortKey, indexName, indexPartitionKey and indexSortKey.`,
  )
}
