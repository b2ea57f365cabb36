/**
 * What the globalSetup `@auth-dynamo/harness/vitest` provides to every test, read with
 * `inject('authDynamo')`. Plain JSON, as vitest requires of provided values.
 */
export interface AuthDynamoContext {
  /** DynamoDB endpoint for AWS SDK clients, e.g. `http://127.0.0.1:53412`. */
  endpoint: string
  /** Region to configure on clients. */
  region: string
  /** Credentials the emulator accepts. */
  credentials: { accessKeyId: string; secretAccessKey: string }
  /** Name of the Auth.js table: in the shared default namespace, and in every file's namespace. */
  tableName: string
  /** Base URL of the emulator's admin API (namespaces, clock, sweep, reset, items). */
  adminUrl: string
  /** The admin API's token, when the emulator needs one (it listens beyond loopback). */
  adminToken?: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The emulator started by `@auth-dynamo/harness/vitest`. */
    authDynamo: AuthDynamoContext
  }
}
