import { inject } from 'vitest'
import { EmulatorError } from '../errors/emulator-error.js'
import type { AuthDynamoContext } from './auth-dynamo-context.js'

/**
 * The emulator the vitest globalSetup started, as `inject('authDynamo')` gives it, checked.
 * Call it inside a test file (at top level, in a hook or in a test).
 *
 * @throws {@link EmulatorError} `INVALID_STATE` when nothing was provided: the test config lacks
 *   `globalSetup: ['@auth-dynamo/harness/vitest']`
 */
export function authDynamoContext(): AuthDynamoContext {
  const context = inject('authDynamo') as AuthDynamoContext | undefined
  if (!context?.endpoint) {
    throw new EmulatorError(
      'INVALID_STATE',
      "inject('authDynamo') is empty: add globalSetup: ['@auth-dynamo/harness/vitest'] to the test section of your vitest config",
    )
  }
  return context
}
