import {
  type AdminClientOptions,
  adminClient,
  type NamespaceAdminClient,
} from '../admin/admin-client.js'
import type { ClockStatus, NamespaceInfo } from '../admin/admin-types.js'
import type { FaultsAdminClient } from '../features/faults/fault-control.js'
import type { SeedItems } from '../seed/seed-types.js'
import type { TableDefinition } from '../tables/table-definition.js'
import type { SweepOptions, SweepResult } from '../ttl/ttl-sweeper.js'

/** A namespace's clock, moved from inside a test. */
export interface NamespaceClockControl {
  /** The clock's current time. */
  now(): Promise<Date>
  /**
   * Moves the clock forward.
   * @param ms - milliseconds to add, 0 to 8.64e15
   * @returns the new time
   * @throws {@link EmulatorError} `ADMIN_REQUEST_FAILED` for a negative, non-finite or too large value
   */
  advance(ms: number): Promise<Date>
  /**
   * Moves the clock to a given time, also backwards.
   * @param date - a Date, an ISO 8601 string or epoch milliseconds
   * @returns the new time
   * @throws {@link EmulatorError} `ADMIN_REQUEST_FAILED` for a value that is not a date
   */
  set(date: Date | string | number): Promise<Date>
  /** Back to the machine's time. */
  reset(): Promise<Date>
}

/** What a test file's namespace is made with; the first call of a file decides them. */
export interface NamespaceSetupOptions {
  /**
   * Tables of the namespace, created now and on reset.
   * @defaultValue the emulator's tables: the Auth.js table the globalSetup made
   */
  tables?: TableDefinition[]
  /**
   * Items loaded into the namespace now and on its reset (plain or DynamoDB JSON by table name).
   * @defaultValue the globalSetup's seed, when the namespace has the emulator's tables
   */
  seed?: SeedItems | SeedItems[]
  /**
   * Milliseconds global index writes take to show, for every table or by table name.
   * @defaultValue 0
   */
  indexLag?: number | Record<string, number>
}

/**
 * A test file's own world on the run's one emulator: a namespace with its tables, clock,
 * sweeps, reset and fault rules. Requests signed with {@link TestFileNamespace.credentials} land
 * in it, so nothing another file does is seen here.
 */
export interface TestFileNamespace {
  /** The namespace's id. */
  readonly id: string
  /** Credentials whose requests land in this namespace. */
  readonly credentials: { accessKeyId: string; secretAccessKey: string }
  /** What to build an AWS SDK client with: `new DynamoDBClient(namespace.clientConfig)`. */
  readonly clientConfig: {
    endpoint: string
    region: string
    credentials: { accessKeyId: string; secretAccessKey: string }
  }
  /** The namespace's clock. */
  readonly clock: NamespaceClockControl
  /** The admin API of this namespace: tables, items, operations, snapshots, truncate, seed. */
  readonly admin: NamespaceAdminClient
  /**
   * This file's fault rules (errors, dropped connections, latency, lost responses, partial
   * batches): they act on requests signed with this namespace's credentials only.
   */
  readonly faults: FaultsAdminClient
  /** Deletes expired items now, in every TTL table of the namespace or only `options.tableName`. */
  sweep(options?: SweepOptions): Promise<SweepResult>
  /** Recreates the namespace's tables with their seed items, and clears its fault rules. */
  reset(): Promise<void>
  /** Deletes the namespace (done for you after the file's tests when made at top level). */
  dispose(): Promise<void>
}

/** Where a test worker finds the run's emulator (what the globalSetup handed over). */
export interface WorkerEmulatorContext {
  endpoint: string
  region: string
  adminUrl: string
  adminToken?: string | undefined
}

/** How a test runner's helper adapts the namespace to its runner. */
export interface NamespaceHooks {
  /** The admin client's transport. */
  transport?: AdminClientOptions['transport']
  /** Called with every clock reading (vitest keeps the file's `Date` in step with it). */
  onClock?: (status: ClockStatus) => void
  /** Called once when the namespace is disposed of. */
  onDispose?: () => void
}

/**
 * Makes a namespace for one test file through the admin API. Shared by the vitest and jest
 * helpers, which decide when it is made and disposed of.
 * @throws {@link EmulatorError} `ADMIN_REQUEST_FAILED` when the emulator refuses the namespace
 */
export async function openTestFileNamespace(
  context: WorkerEmulatorContext,
  options: NamespaceSetupOptions,
  hooks: NamespaceHooks = {},
): Promise<TestFileNamespace> {
  const root = adminClient(context.adminUrl, {
    token: context.adminToken,
    ...(hooks.transport && { transport: hooks.transport }),
  })
  const info: NamespaceInfo = await root.createNamespace({
    ...(options.tables ? { tables: options.tables } : {}),
    ...(options.seed ? { seed: options.seed } : {}),
    ...(options.indexLag !== undefined ? { indexLag: options.indexLag } : {}),
  })
  const admin = root.namespace(info.id)
  const date = (status: ClockStatus) => {
    hooks.onClock?.(status)
    return new Date(status.epochMs)
  }
  date(info.clock)
  let disposed: Promise<void> | undefined
  return {
    id: info.id,
    credentials: info.credentials,
    clientConfig: {
      endpoint: context.endpoint,
      region: context.region,
      credentials: { ...info.credentials },
    },
    clock: {
      now: async () => date(await admin.clock()),
      advance: async (ms) => date(await admin.advanceClock(ms)),
      set: async (to) => date(await admin.setClock(to)),
      reset: async () => date(await admin.resetClock()),
    },
    admin,
    faults: admin.faults,
    sweep: (sweepOptions) => admin.sweep(sweepOptions),
    reset: async () => {
      await admin.reset()
    },
    dispose: () => {
      disposed ??= (async () => {
        hooks.onDispose?.()
        await root.deleteNamespace(info.id)
      })()
      return disposed
    },
  }
}
