import type { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import type { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import type { Capability } from '../capabilities.js'
import type { ConformanceClock } from '../clock.js'
import type { AuthjsTableNames } from './table-names.js'

/**
 * A DynamoDB implementation with a fresh Auth.js table, for one test file: the emulator, Amazon
 * DynamoDB Local, or real AWS. Nothing is started or created until `setup()`; the client and
 * table properties throw until then. Pass it to `dynamodbConformanceOptions`, or use its parts
 * directly.
 */
export interface DynamoDBBackend {
  /** What it is, for test names and reports: `'emulator'`, `'DynamoDB Local'`, `'AWS eu-west-1'`. */
  readonly name: string
  /**
   * Capabilities this backend cannot exercise, each with the reason; they are turned off (and
   * the reason printed) by `dynamodbConformanceOptions`.
   */
  readonly limitations: Readonly<Partial<Record<Capability, string>>>
  /** Moves the backend's TTL clock and sweeps; `undefined` when its time cannot be moved. */
  readonly clock: ConformanceClock | undefined
  /**
   * A low-level client of the backend, available after `setup()`.
   *
   * @throws {@link DynamoDBConformanceError} `DYNAMODB_BACKEND_NOT_READY` before `setup()`
   */
  readonly client: DynamoDBClient
  /**
   * A document client for the adapter under test, available after `setup()`.
   *
   * @throws {@link DynamoDBConformanceError} `DYNAMODB_BACKEND_NOT_READY` before `setup()`
   */
  readonly documentClient: DynamoDBDocument
  /**
   * The names of the fresh table (unique table name, the configured key and index names), in
   * the shape both adapters take as options; available after `setup()`.
   *
   * @throws {@link DynamoDBConformanceError} `DYNAMODB_BACKEND_NOT_READY` before `setup()`
   */
  readonly table: AuthjsTableNames
  /** Starts what is needed and creates the table. Idempotent. */
  setup(): Promise<void>
  /** Deletes what `setup()` created and stops what it started. Idempotent. */
  teardown(): Promise<void>
}
