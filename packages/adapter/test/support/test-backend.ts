import { randomBytes } from 'node:crypto'
import { type Emulator, startEmulator } from '@auth-dynamo/harness'
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DynamoDBClient,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument, type TranslateConfig } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, inject } from 'vitest'
import { createTableInput, type DynamoDBAdapterOptions } from '../../src/index.js'
import type { DynamoDBLocalEndpoint } from './dynamodb-local.js'
import { recordSdkOperations } from './least-privilege.js'

/** The DynamoDB implementations the adapter's tests run on. */
export type BackendKind = 'emulator' | 'dynamodb-local'

/** The marshall options the Auth.js DynamoDB docs recommend. */
export const authjsTranslateConfig: TranslateConfig = {
  marshallOptions: {
    convertEmptyValues: true,
    removeUndefinedValues: true,
    convertClassInstanceToMap: true,
  },
}

/** A test file's DynamoDB, reached over HTTP through the real AWS SDK. */
export interface TestBackend {
  readonly kind: BackendKind
  /** `the emulator` or `DynamoDB Local`, for test names. */
  readonly name: string
  readonly endpoint: string
  readonly region: string
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string }
  /** A document client with {@link authjsTranslateConfig}. */
  readonly client: DynamoDBDocument
  /** The emulator; only on the emulator backend (TTL sweeps, the operation log). */
  readonly emulator: Emulator | undefined
  /** A fresh, uniquely named Auth.js table with the given key and index names. */
  createAuthjsTable(
    options?: Omit<DynamoDBAdapterOptions, 'tableName'>,
  ): Promise<{ tableName: string }>
  /** Any table, created as an administrator would. */
  createTable(input: CreateTableCommandInput): Promise<{ tableName: string }>
  /** A new document client on this backend (destroy it when done). */
  documentClient(translateConfig?: TranslateConfig): DynamoDBDocument
}

/**
 * The backends, with why one cannot run here, if it cannot: DynamoDB Local needs Java, and
 * `AUTH_DYNAMO_TEST_BACKENDS` (a comma-separated list of kinds, e.g. `dynamodb-local`) narrows a
 * local run to some of them.
 */
export function availableBackends(): { kind: BackendKind; name: string; unavailable?: string }[] {
  const local = inject('dynamodbLocal')
  const selected = process.env.AUTH_DYNAMO_TEST_BACKENDS?.split(',').map((kind) => kind.trim())
  const deselected = (kind: BackendKind) =>
    selected !== undefined && !selected.includes(kind)
      ? { unavailable: `not in AUTH_DYNAMO_TEST_BACKENDS=${process.env.AUTH_DYNAMO_TEST_BACKENDS}` }
      : {}
  return [
    { kind: 'emulator', name: 'the emulator', ...deselected('emulator') },
    {
      kind: 'dynamodb-local',
      name: 'DynamoDB Local',
      ...('unavailable' in local ? { unavailable: local.unavailable } : {}),
      ...deselected('dynamodb-local'),
    },
  ]
}

function dynamodbLocalEndpoint(): DynamoDBLocalEndpoint {
  const local = inject('dynamodbLocal')
  if ('unavailable' in local) throw new Error(local.unavailable)
  return local.endpoint
}

function newClient(endpoint: DynamoDBLocalEndpoint, translateConfig?: TranslateConfig) {
  const document = DynamoDBDocument.from(
    new DynamoDBClient({
      endpoint: endpoint.endpoint,
      region: endpoint.region,
      credentials: endpoint.credentials,
    }),
    translateConfig,
  )
  recordSdkOperations(document)
  return document
}

/**
 * Connects the calling test file (or describe block) to a backend in `beforeAll`: on the emulator
 * a fresh emulator per file, on DynamoDB Local the run's one instance (tables are unique per
 * call). Read the fields inside tests and hooks, not at collection time.
 */
export function useBackend(kind: BackendKind): TestBackend {
  const state = {} as {
    endpoint: DynamoDBLocalEndpoint
    client: DynamoDBDocument
    emulator: Emulator | undefined
  }
  beforeAll(async () => {
    if (kind === 'emulator') {
      const emulator = await startEmulator({ ttl: { mode: 'manual' } })
      state.emulator = emulator
      state.endpoint = emulator
    } else {
      state.endpoint = dynamodbLocalEndpoint()
    }
    state.client = newClient(state.endpoint, authjsTranslateConfig)
  }, 60_000)
  afterAll(async () => {
    state.client?.destroy()
    await state.emulator?.stop()
  })

  async function createTable(input: CreateTableCommandInput) {
    if (state.emulator) return state.emulator.createTable(input as never)
    await state.client.send(new CreateTableCommand(input))
    return { tableName: input.TableName as string }
  }

  return {
    kind,
    name: kind === 'emulator' ? 'the emulator' : 'DynamoDB Local',
    get endpoint() {
      return state.endpoint.endpoint
    },
    get region() {
      return state.endpoint.region
    },
    get credentials() {
      return state.endpoint.credentials
    },
    get client() {
      return state.client
    },
    get emulator() {
      return state.emulator
    },
    createTable,
    async createAuthjsTable(options = {}) {
      const tableName = `authjs-${randomBytes(6).toString('hex')}`
      const { table, timeToLive } = createTableInput({ ...options, tableName })
      if (state.emulator) {
        return state.emulator.createTable({
          ...table,
          TimeToLiveSpecification: timeToLive.TimeToLiveSpecification,
        } as never)
      }
      await createTable(table)
      await state.client.send(new UpdateTimeToLiveCommand(timeToLive))
      return { tableName }
    },
    documentClient: (translateConfig) => newClient(state.endpoint, translateConfig),
  }
}

/**
 * Registers `body` once per backend, each in a `describe` named after it; a backend that cannot
 * run here is skipped with its reason in the name.
 */
export function describeOnBackends(
  body: (backend: TestBackend) => void,
  kinds: readonly BackendKind[] = ['emulator', 'dynamodb-local'],
): void {
  for (const { kind, name, unavailable } of availableBackends()) {
    if (!kinds.includes(kind)) continue
    const title = unavailable ? `on ${name} (skipped: ${unavailable})` : `on ${name}`
    describe.skipIf(unavailable !== undefined)(title, () => body(useBackend(kind)))
  }
}
