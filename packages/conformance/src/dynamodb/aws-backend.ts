import type { TranslateConfig } from '@aws-sdk/lib-dynamodb'
import type { DynamoDBBackend } from './dynamodb-backend.js'
import { authjsTranslateConfig, lazyBackend } from './lazy-backend.js'
import { type AuthjsTableOptions, resolveTableNames } from './table-names.js'
import { assertAuthjsTable, createAuthjsTable, deleteTableIfExists } from './table-operations.js'
import { uniqueTableName } from './unique-table-name.js'

/** Options of {@link awsBackend}. */
export interface AwsBackendOptions {
  /** The AWS region, e.g. `eu-west-1`. */
  region: string
  /**
   * Access keys.
   *
   * @defaultValue the AWS SDK's default credential chain (environment, profile, SSO, role...)
   */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  /**
   * Table, key and index names. With `existingTable`, `tableName` names that table; otherwise
   * it is the prefix of the table the backend creates.
   *
   * @defaultValue the adapter defaults, with the prefix `auth-dynamo-conformance`
   */
  table?: AuthjsTableOptions
  /**
   * Use the table named by `table.tableName` as it is (its layout is checked; the test records
   * stay in it, apart from what TTL deletes) instead of creating a fresh one and deleting it at
   * teardown, which needs the `dynamodb:CreateTable` and `dynamodb:DeleteTable` permissions.
   *
   * @defaultValue `false`
   */
  existingTable?: boolean
  /**
   * Marshall options of the backend's `documentClient`.
   *
   * @defaultValue {@link authjsTranslateConfig}, the options the Auth.js docs give
   */
  translateConfig?: TranslateConfig
  /**
   * How long to wait for a created table to become ACTIVE, and for it to be gone at teardown,
   * in seconds.
   *
   * @defaultValue `120`
   */
  maxWaitSeconds?: number
}

/** The reason `expiryDeletion` is off on AWS. */
export const awsExpiryLimitation =
  'DynamoDB deletes expired items within a few days of their expiry, on a clock no test controls'

/**
 * Real Amazon DynamoDB as a backend. Contacts AWS only in `setup()`. Index reads on DynamoDB
 * are eventually consistent, so a lookup right after a write can, rarely, miss it.
 *
 * @param options - region, credentials and the table to use or create
 * @throws {@link DynamoDBConformanceError} `DYNAMODB_INVALID_OPTIONS` for bad names (at once);
 *   from `setup()`, `DYNAMODB_TABLE_MISMATCH` when an existing table has another layout, and
 *   the SDK's errors (credentials, permissions)
 */
export function awsBackend(options: AwsBackendOptions): DynamoDBBackend {
  const names = resolveTableNames({ tableName: 'auth-dynamo-conformance', ...options.table })
  return lazyBackend({
    name: `AWS ${options.region}`,
    translateConfig: options.translateConfig ?? authjsTranslateConfig,
    limitations: { expiryDeletion: awsExpiryLimitation },
    async start() {
      return {
        clientConfig: {
          region: options.region,
          ...(options.credentials ? { credentials: options.credentials } : {}),
        },
        stop: async () => {},
      }
    },
    async prepareTable(client) {
      if (options.existingTable) {
        await assertAuthjsTable(client, names)
        return { table: names, drop: async () => {} }
      }
      const table = { ...names, tableName: uniqueTableName(names.tableName) }
      await createAuthjsTable(client, table, options.maxWaitSeconds ?? 120)
      return {
        table,
        drop: () => deleteTableIfExists(client, table.tableName, options.maxWaitSeconds ?? 120),
      }
    },
  })
}
