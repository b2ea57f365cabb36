import { afterAll, expect, vi } from 'vitest'
import { adminClient, type NamespaceAdminClient } from '../admin/admin-client.js'
import type { ClockStatus, NamespaceInfo } from '../admin/admin-types.js'
// peers (issue 11)
import type { FaultsAdminClient } from '../features/faults/fault-control.js'
import type { TableDefinition } from '../tables/table-definition.js'
import type { SweepOptions, SweepResult } from '../ttl/ttl-sweeper.js'
import { nodeHttpTransport } from './http-transport.js'
import { authDynamoContext } from './inject-context.js'

/** A namespace's clock, moved from inside a test. */
export interface EmulatorClockControl {
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

/** Options of {@link fileNamespace}; the first call of a file decides them. */
export interface FileNamespaceOptions {
  /**
   * Keeps this test file's `Date` on the namespace's clock (through `vi.setSystemTime`, which
   * fakes `Date` only, not timers), so code under test that computes expiry from `Date.now()`
   * (Auth.js core, the adapter) sees the time the emulator's TTL sees. Exact with the manual
   * clock the globalSetup runs by default; with `AUTH_DYNAMO_VITEST_CLOCK=system`, `Date` stays
   * at the last synced instant while the namespace's clock ticks on.
   * @defaultValue `false`
   */
  syncSystemTime?: boolean
  /**
   * Tables of the namespace, created now and on reset.
   * @defaultValue the emulator's tables: the Auth.js table named as `inject('authDynamo').tableName`
   */
  tables?: TableDefinition[]
}

/**
 * This test file's own world on the run's one emulator: a namespace with the emulator's tables
 * (the Auth.js table, under its usual name), its own clock, sweeps and reset. Requests signed
 * with {@link FileNamespace.credentials} land in it, so nothing another file does is seen here.
 */
export interface FileNamespace {
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
  /** The namespace's clock (and, with `syncSystemTime`, this file's `Date`). */
  readonly clock: EmulatorClockControl
  /** The admin API of this namespace: tables, items, operation counts. */
  readonly admin: NamespaceAdminClient
  /** Deletes expired items now, in every TTL table of the namespace or only `options.tableName`. */
  sweep(options?: SweepOptions): Promise<SweepResult>
  /** Deletes every table of the namespace and creates its tables again, empty. */
  reset(): Promise<void>
  /** Deletes the namespace (done for you after the file's tests when created at top level). */
  dispose(): Promise<void>
  // ---- peers (issue 11) ----
  /**
   * This file's fault rules (errors, dropped connections, latency, lost responses, partial
   * batches): they act on requests signed with this namespace's credentials only.
   */
  readonly faults: FaultsAdminClient
}

const namespaces = new Map<string, Promise<FileNamespace>>()

/**
 * The namespace of the test file that calls it, made on first use and deleted after the file's
 * tests. Call it at the top level of the file (`const namespace = await fileNamespace()`) so the
 * cleanup can be registered; each file running in parallel gets its own.
 *
 * @example
 * ```ts
 * const namespace = await fileNamespace({ syncSystemTime: true })
 * const client = DynamoDBDocument.from(new DynamoDBClient(namespace.clientConfig))
 * await namespace.clock.advance(2 * 60 * 60_000) // Date.now() in this file moves too
 * ```
 * @throws {@link EmulatorError} `INVALID_STATE` outside a run with the globalSetup,
 *   `ADMIN_REQUEST_FAILED` when the emulator refuses the namespace (e.g. a bad table)
 */
export function fileNamespace(options: FileNamespaceOptions = {}): Promise<FileNamespace> {
  const key = expect.getState().testPath ?? '(no test file)'
  let namespace = namespaces.get(key)
  if (!namespace) {
    namespace = createFileNamespace(key, options)
    namespaces.set(key, namespace)
    try {
      afterAll(async () => (await namespace)?.dispose())
    } catch {
      // Outside collection (inside a test) no hook can be added: the caller disposes.
    }
  }
  return namespace
}

async function createFileNamespace(
  key: string,
  options: FileNamespaceOptions,
): Promise<FileNamespace> {
  const context = authDynamoContext()
  const root = adminClient(context.adminUrl, {
    token: context.adminToken,
    transport: nodeHttpTransport,
  })
  const info: NamespaceInfo = await root.createNamespace(
    options.tables ? { tables: options.tables } : {},
  )
  const admin = root.namespace(info.id)
  const sync = (status: ClockStatus) => {
    if (options.syncSystemTime) vi.setSystemTime(status.epochMs)
    return new Date(status.epochMs)
  }
  sync(info.clock)
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
      now: async () => sync(await admin.clock()),
      advance: async (ms) => sync(await admin.advanceClock(ms)),
      set: async (date) => sync(await admin.setClock(date)),
      reset: async () => sync(await admin.resetClock()),
    },
    admin,
    faults: admin.faults, // peers (issue 11)
    sweep: (sweepOptions) => admin.sweep(sweepOptions),
    reset: async () => {
      await admin.reset()
    },
    dispose: () => {
      disposed ??= (async () => {
        namespaces.delete(key)
        if (options.syncSystemTime) vi.useRealTimers()
        await root.deleteNamespace(info.id)
      })()
      return disposed
    },
  }
}
