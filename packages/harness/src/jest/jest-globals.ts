import { EmulatorError } from '../errors/emulator-error.js'

/** The parts of jest's test globals the helpers use. */
interface JestGlobals {
  afterAll(hook: () => unknown): void
  expect: { getState(): { testPath?: string } }
}

/**
 * jest's `afterAll` and `expect`, from the test file's global scope (jest injects them there
 * unless `injectGlobals` is off, and modules of node_modules share that scope).
 *
 * @throws {@link EmulatorError} `INVALID_STATE` outside a jest test file, or with
 *   `injectGlobals: false`
 */
export function jestGlobals(): JestGlobals {
  const scope = globalThis as unknown as Partial<JestGlobals>
  if (typeof scope.afterAll !== 'function' || typeof scope.expect?.getState !== 'function') {
    throw new EmulatorError(
      'INVALID_STATE',
      "The jest helpers of @auth-dynamo/harness run inside jest test files, with jest's globals (injectGlobals: true, the default)",
    )
  }
  return scope as JestGlobals
}

/**
 * Whether hooks can still be added: jest-circus refuses (failing the run) a hook added once the
 * file's tests have started, even from a `beforeAll`. Its state sits on the global scope under
 * a symbol described `JEST_STATE_SYMBOL` (jest 27 to 30); without it, adding is assumed safe.
 */
export function canAddHooks(): boolean {
  const symbol = Object.getOwnPropertySymbols(globalThis).find(
    (candidate) => candidate.description === 'JEST_STATE_SYMBOL',
  )
  if (!symbol) return true
  const state = (globalThis as unknown as Record<symbol, { hasStarted?: boolean } | undefined>)[
    symbol
  ]
  return !state?.hasStarted
}
