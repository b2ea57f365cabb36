import { afterAll, expect, vi } from 'vitest'
import {
  type NamespaceClockControl,
  type NamespaceSetupOptions,
  openTestFileNamespace,
  type TestFileNamespace,
} from '../test-workers/file-namespace-core.js'
import { nodeHttpTransport } from './http-transport.js'
import { authDynamoContext } from './inject-context.js'

/** A namespace's clock, moved from inside a test. */
export type EmulatorClockControl = NamespaceClockControl

/** Options of {@link fileNamespace}; the first call of a file decides them. */
export interface FileNamespaceOptions extends NamespaceSetupOptions {
  /**
   * Keeps this test file's `Date` on the namespace's clock (through `vi.setSystemTime`, which
   * fakes `Date` only, not timers), so code under test that computes expiry from `Date.now()`
   * (Auth.js core, the adapter) sees the time the emulator's TTL sees. Exact with the manual
   * clock the globalSetup runs by default; with `AUTH_DYNAMO_VITEST_CLOCK=system`, `Date` stays
   * at the last synced instant while the namespace's clock ticks on.
   * @defaultValue `false`
   */
  syncSystemTime?: boolean
}

/**
 * This test file's own world on the run's one emulator: a namespace with the emulator's tables
 * (the Auth.js table, under its usual name), its own clock, sweeps, reset and fault rules.
 * Requests signed with its credentials land in it, so nothing another file does is seen here.
 * With `syncSystemTime`, its clock also moves this file's `Date`.
 */
export type FileNamespace = TestFileNamespace

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

function createFileNamespace(key: string, options: FileNamespaceOptions): Promise<FileNamespace> {
  const { syncSystemTime = false, ...setup } = options
  return openTestFileNamespace(authDynamoContext(), setup, {
    transport: nodeHttpTransport,
    onClock: (status) => {
      if (syncSystemTime) vi.setSystemTime(status.epochMs)
    },
    onDispose: () => {
      namespaces.delete(key)
      if (syncSystemTime) vi.useRealTimers()
    },
  })
}
