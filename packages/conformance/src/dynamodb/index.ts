export { type AwsBackendOptions, awsBackend, awsExpiryLimitation } from './aws-backend.js'
export { type AwsEnvironment, awsEnvironment } from './aws-environment.js'
export type { DynamoDBBackend } from './dynamodb-backend.js'
export {
  DynamoDBConformanceError,
  type DynamoDBConformanceErrorCode,
} from './dynamodb-conformance-error.js'
export {
  type DynamoDBConformanceOptions,
  dynamodbConformanceOptions,
} from './dynamodb-conformance-options.js'
export {
  type DynamoDBLocal,
  type DynamoDBLocalOptions,
  startDynamoDBLocal,
} from './dynamodb-local.js'
export {
  type DynamoDBLocalBackendOptions,
  dynamodbLocalBackend,
  dynamodbLocalConcurrentDeleteLimitation,
  dynamodbLocalExpiryLimitation,
} from './dynamodb-local-backend.js'
export { dynamodbProbes, type ProbeTarget } from './dynamodb-probes.js'
export { type EmulatorBackendOptions, emulatorBackend } from './emulator-backend.js'
export { authjsTranslateConfig } from './lazy-backend.js'
export { type EntityMarker, toAuthjsRecord } from './stored-item.js'
export { type AuthjsTableInput, authjsTableInput, authjsTtlAttribute } from './table-input.js'
export {
  type AuthjsTableNames,
  type AuthjsTableOptions,
  authjsTableDefaults,
  resolveTableNames,
} from './table-names.js'
