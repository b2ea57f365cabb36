import { setup } from './global-setup.js'

export type { AuthDynamoContext } from './auth-dynamo-context.js'
export type { ProvideTarget } from './global-setup.js'
export type { VitestSettings } from './vitest-settings.js'

/**
 * The vitest `globalSetup` of `@auth-dynamo/harness`: `globalSetup: ['@auth-dynamo/harness/vitest']`.
 * A default export because that is what vitest looks for; see {@link setup}.
 */
export default setup
