import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument, type TranslateConfig } from '@aws-sdk/lib-dynamodb'
import type { Capability } from '../capabilities.js'
import type { ConformanceClock } from '../clock.js'
import type { DynamoDBBackend } from './dynamodb-backend.js'
import { DynamoDBConformanceError } from './dynamodb-conformance-error.js'
import type { AuthjsTableNames } from './table-names.js'

/**
 * The marshall options the Auth.js docs give for `@auth/dynamodb-adapter`; the default of every
 * backend's `documentClient`. Not frozen: `DynamoDBDocument.from` writes its own defaults into
 * the options it is given, and throws on a frozen object. Backends hand the SDK a copy.
 */
export const authjsTranslateConfig: TranslateConfig = {
  marshallOptions: {
    convertEmptyValues: true,
    removeUndefinedValues: true,
    convertClassInstanceToMap: true,
  },
}

/** What a backend started: where clients connect, and how to stop it. */
export interface StartedService {
  /** The client configuration (endpoint, region, credentials). */
  readonly clientConfig: DynamoDBClientConfig
  /** Stops what was started; a no-op for a service the backend did not start. */
  stop(): Promise<void>
}

/** The table a backend made ready, and how to remove it. */
export interface PreparedTable {
  /** Its names. */
  readonly table: AuthjsTableNames
  /** Deletes it; a no-op for a table the backend did not create. */
  drop(): Promise<void>
}

/** How one kind of backend starts, makes its table, and stops. */
export interface BackendSpec {
  /** See {@link DynamoDBBackend.name}. */
  readonly name: string
  /** See {@link DynamoDBBackend.limitations}. */
  readonly limitations?: Partial<Record<Capability, string>>
  /** See {@link DynamoDBBackend.clock}. */
  readonly clock?: ConformanceClock
  /** Marshall options of the document client. */
  readonly translateConfig: TranslateConfig
  /** Starts the service (or connects to a running one). */
  start(): Promise<StartedService>
  /** Creates (or checks) the table. */
  prepareTable(client: DynamoDBClient): Promise<PreparedTable>
}

interface Ready {
  readonly client: DynamoDBClient
  readonly documentClient: DynamoDBDocument
  readonly table: PreparedTable
  readonly service: StartedService
}

/**
 * A {@link DynamoDBBackend} that starts on the first `setup()` and stops on `teardown()`, each
 * running once however often it is called. If table creation fails, what was started is stopped.
 *
 * @param spec - how the backend starts, makes its table and stops
 */
export function lazyBackend(spec: BackendSpec): DynamoDBBackend {
  let setup: Promise<Ready> | undefined
  let teardown: Promise<void> | undefined
  let ready: Ready | undefined

  const open = async (): Promise<Ready> => {
    const service = await spec.start()
    const client = new DynamoDBClient(service.clientConfig)
    try {
      const table = await spec.prepareTable(client)
      return {
        client,
        documentClient: DynamoDBDocument.from(client, structuredClone(spec.translateConfig)),
        table,
        service,
      }
    } catch (error) {
      client.destroy()
      await service.stop()
      throw error
    }
  }

  const close = async (): Promise<void> => {
    if (!setup) return
    const opened = await setup.catch(() => undefined)
    if (!opened) return
    try {
      await opened.table.drop()
    } finally {
      opened.client.destroy()
      await opened.service.stop()
    }
  }

  const readyFor = (property: string): Ready => {
    if (ready) return ready
    throw new DynamoDBConformanceError(
      'DYNAMODB_BACKEND_NOT_READY',
      `${spec.name} backend: ${property} exists only after setup() has resolved${teardown ? ', and not after teardown()' : ''}. runAdapterConformance runs setup in beforeAll; read the backend inside tests (the adapter factory and the probes do).`,
    )
  }

  return {
    name: spec.name,
    limitations: Object.freeze({ ...spec.limitations }),
    clock: spec.clock,
    get client() {
      return readyFor('client').client
    },
    get documentClient() {
      return readyFor('documentClient').documentClient
    },
    get table() {
      return readyFor('table').table.table
    },
    async setup() {
      if (teardown) {
        throw new DynamoDBConformanceError(
          'DYNAMODB_BACKEND_NOT_READY',
          `${spec.name} backend: setup() after teardown(); make a new backend for a new run`,
        )
      }
      setup ??= open()
      ready = await setup
    },
    async teardown() {
      ready = undefined
      teardown ??= close()
      await teardown
    },
  }
}
