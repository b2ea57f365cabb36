import {
  type NamespaceClockControl,
  type NamespaceSetupOptions,
  openTestFileNamespace,
  type TestFileNamespace,
} from '../test-workers/file-namespace-core.js'
import { authDynamoContext } from './jest-context.js'
import { canAddHooks, jestGlobals } from './jest-globals.js'

/** A namespace's clock, moved from inside a test. */
export type JestClockControl = NamespaceClockControl

/** Options of {@link fileNamespace}; the first call of a file decides them. */
export type JestFileNamespaceOptions = NamespaceSetupOptions

/**
 * This test file's own namespace on the run's one emulator: its tables, clock, sweeps, reset
 * and fault rules. Requests signed with its credentials land in it.
 */
export type JestFileNamespace = TestFileNamespace

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

function createFileNamespace(options: JestFileNamespaceOptions): Promise<JestFileNamespace> {
  return openTestFileNamespace(authDynamoContext(), options, {
    onDispose: () => {
      current = undefined
    },
  })
}
