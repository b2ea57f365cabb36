export type {
  AccountIdentifier,
  DynamoDBAdapterInstance,
  DynamoDBAdapterMethod,
} from './adapter-instance.js'
export type { AwsSdkV2DocumentClient } from './client/sdk-v2-port.js'
export type { DynamoDBAdapterClient } from './client/to-document-port.js'
export {
  type CreateDocumentClientConfig,
  createDocumentClient,
} from './create-document-client.js'
export { type AuthjsTableInput, createTableInput } from './create-table-input.js'
export { DynamoDBAdapter } from './dynamodb-adapter.js'
export {
  DynamoDBAdapterError,
  type DynamoDBAdapterErrorCode,
  type DynamoDBAdapterErrorInit,
} from './errors.js'
export type { DynamoDBAdapterOptions } from './options.js'
