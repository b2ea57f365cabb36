import { adminClient, type NamespaceAdminClient } from '../admin/admin-client.js'
import type { ClockStatus, NamespaceInfo } from '../admin/admin-types.js'
import type { FaultsAdminClient } from '../features/faults/fault-control.js'
import type { SeedItems } from '../seed/seed-types.js'
import type { TableDefinition } from '../tables/table-definition.js'
import type { SweepOptions, SweepResult } from '../ttl/ttl-sweeper.js'
import { authDynamoContext } from './jest-context.js'
import { canAddHooks, jestGlobals } from './jest-globals.js'

/** A namespace's clock, moved from inside a test. */
export interface JestClockControl {
  /** The clock's current time. */
  now(): Promise<Date>
  /**
   * Moves the clock forward.
   * @param ms - milliseconds to add, 0 to 8.64e15
   * @throws {@link EmulatorError} `ADMIN_REQUEST_FAILED` for a negative or too large value
   */
  advance(ms: number): Promise<Date>
  /**
   * Moves the clock to a time, also backwards.
   * @throws {@link EmulatorError} `ADMIN_REQUEST_FAILED` for a value that is not a date
   */
  set(date: Date | string | number): Promise<Date>
  /** Back to the machine's time. */
  reset(): Promise<Date>
}

/** Options of {@link fileNamespace}; the first call of a file decides them. */
export interface JestFileNamespaceOptions {
  /** @defaultValue the emulator's tables (the Auth.js table named `authDynamoContext().tableName`) */
  tables?: TableDefinition[]
  /** Items loaded into the namespace now and on its reset. @defaultValue the globalSetup's seed */
  seed?: SeedItems | SeedItems[]
  /** Milliseconds global index writes take to show, for every table or by name. @defaultValue 0 */
  indexLag?: number | Record<string, number>
}

/**
 * This test file's own namespace on the run's one emulator: its tables, clock, sweeps, reset
 * and fault rules. Requests signed with its credentials land in it.
 */
export interface JestFileNamespace {
  readonly id: string
  /** Credentials whose requests land in this namespace. */
  readonly credentials: { accessKeyId: string; secretAccessKey: string }
  /** `new DynamoDBClient(namespace.clientConfig)`. */
  readonly clientConfig: {
    endpoint: string
    region: string
    credentials: { accessKeyId: string; secretAccessKey: string }
  }
  /** The namespace's clock. */
  readonly clock: JestClockControl
  /** The admin API of this namespace: tables, items, operations, snapshots, truncate, seed. */
  readonly admin: NamespaceAdminClient
  /** This file's fault rules: they act on requests signed with this namespace's credentials. */
  readonly faults: FaultsAdminClient
  /** Deletes expired items now (every TTL table of the namespace, or `options.tableName`). */
  sweep(options?: SweepOptions): Promise<SweepResult>
  /** Recreates the namespace's tables with their seed items, and clears its fault rules. */
  reset(): Promise<void>
  /** Deletes the namespace (done for you after the file's tests). */
  dispose(): Promise<void>
}

let current: { key: string; namespace: Promise<JestFileNamespace> } | undefined

/**
 * The namespace of the calling test file, made on first use and deleted in `afterAll`. Call it
 * at the top level of the file (it returns a promise; await it in hooks and tests) so that the
 * cleanup is registered; each file gets its own. Called first from a hook or a test, it works
 * but cannot register the cleanup: call `dispose()` yourself.
 *
 * @example
 * ```js
 * const { fileNamespace } = require('@auth-dynamo/harness/jest')
 * const namespace = fileNamespace()
 * test('...', async () => { const { clientConfig } = await namespace })
 * ```
 * @throws {@link EmulatorError} `INVALID_STATE` outside a run with the globalSetup,
 *   `ADMIN_REQUEST_FAILED` when the emulator refuses the namespace
 */
export function fileNamespace(options: JestFileNamespaceOptions = {}): Promise<JestFileNamespace> {
  const globals = jestGlobals()
  const key = globals.expect.getState().testPath ?? '(no test file)'
  if (current?.key !== key) {
    const namespace = createFileNamespace(options)
    current = { key, namespace }
    // Once tests run (a call from beforeAll or a test), no hook can be added: the caller
    // disposes, or the namespace goes when the emulator stops.
    if (canAddHooks()) {
      globals.afterAll(async () => (await namespace.catch(() => undefined))?.dispose())
    }
  }
  return current.namespace
}

async function createFileNamespace(options: JestFileNamespaceOptions): Promise<JestFileNamespace> {
  const context = authDynamoContext()
  const root = adminClient(context.adminUrl, { token: context.adminToken })
  const info: NamespaceInfo = await root.createNamespace({
    ...(options.tables ? { tables: options.tables } : {}),
    ...(options.seed ? { seed: options.seed } : {}),
    ...(options.indexLag !== undefined ? { indexLag: options.indexLag } : {}),
  })
  const admin = root.namespace(info.id)
  const date = (status: ClockStatus) => new Date(status.epochMs)
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
        current = undefined
        await root.deleteNamespace(info.id)
      })()
      return disposed
    },
  }
}
