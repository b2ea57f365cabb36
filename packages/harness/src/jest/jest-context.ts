import { EmulatorError } from '../errors/emulator-error.js'

/** The environment variable through which the globalSetup hands the emulator to test files. */
export const JEST_CONTEXT_VARIABLE = 'AUTH_DYNAMO_JEST'

/**
 * What `@auth-dynamo/harness/jest/global-setup` hands to every test file (through the
 * environment, which jest's workers inherit): where the emulator is and how to reach it.
 */
export interface JestAuthDynamoContext {
  /** DynamoDB endpoint for AWS SDK clients, e.g. `http://127.0.0.1:53412`. */
  endpoint: string
  /** Region to configure on clients. */
  region: string
  /** Credentials of the default namespace. */
  credentials: { accessKeyId: string; secretAccessKey: string }
  /** Name of the Auth.js table: in the default namespace, and in every file's namespace. */
  tableName: string
  /** Base URL of the emulator's admin API. */
  adminUrl: string
  /** The admin API's token, when the emulator needs one. */
  adminToken?: string
}

/**
 * The emulator the jest globalSetup started.
 * @throws {@link EmulatorError} `INVALID_STATE` when the jest config lacks the globalSetup
 */
export function authDynamoContext(): JestAuthDynamoContext {
  const raw = process.env[JEST_CONTEXT_VARIABLE]
  let context: JestAuthDynamoContext | undefined
  try {
    context = raw ? (JSON.parse(raw) as JestAuthDynamoContext) : undefined
  } catch {
    context = undefined
  }
  if (!context?.endpoint) {
    throw new EmulatorError(
      'INVALID_STATE',
      `${JEST_CONTEXT_VARIABLE} is not set: add globalSetup: '@auth-dynamo/harness/jest/global-setup' and globalTeardown: '@auth-dynamo/harness/jest/global-teardown' to your jest config`,
    )
  }
  return context
}
