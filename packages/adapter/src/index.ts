export type {
  AccountIdentifier,
  DynamoDBAdapterInstance,
  DynamoDBAdapterMethod,
} from './adapter-instance.js'
export type {
  AdapterAccount,
  AdapterAccountType,
  AdapterAuthenticator,
  AdapterSession,
  AdapterUser,
  JsonObject,
  JsonValue,
  VerificationToken,
} from './authjs-types.js'
export type { AwsSdkV2DocumentClient } from './client/sdk-v2-port.js'
export type { DynamoDBAdapterClient } from './client/to-document-port.js'
export {
  type CreateDocumentClientConfig,
  createDocumentClient,
  defaultRequestTimeouts,
} from './create-document-client.js'
export { type AuthjsTableInput, createTableInput } from './create-table-input.js'
export { DynamoDBAdapter } from './dynamodb-adapter.js'
export {
  DynamoDBAdapterError,
  type DynamoDBAdapterErrorCode,
  type DynamoDBAdapterErrorInit,
} from './errors.js'
export { keySizeLimits } from './key-size.js'
export type { DynamoDBAdapterOptions } from './options.js'
export { format, generateUpdateExpression } from './upstream-format.js'
