import { DynamoDBAdapter } from '@auth-dynamo/adapter'
import { dynamodbConformanceOptions, emulatorBackend } from '../../src/dynamodb/index.js'
import { runAdapterConformance } from '../../src/index.js'
import { customTableNames, customUserFields } from './support/custom-names.js'
import { oursCapabilities } from './support/ours-on-dynamodb-local.js'

// Our adapter on the harness emulator, every capability on: expiry deletion runs by moving the
// emulator's clock and sweeping.
runAdapterConformance(
  dynamodbConformanceOptions({
    name: '@auth-dynamo/adapter on the emulator (default names)',
    backend: emulatorBackend(),
    adapter: (backend) => DynamoDBAdapter(backend.documentClient, backend.table),
    capabilities: oursCapabilities,
  }),
)

// Custom table, key and index names, custom user fields, and a document client without the
// marshall options the Auth.js docs recommend (the adapter must not depend on them).
runAdapterConformance(
  dynamodbConformanceOptions({
    name: '@auth-dynamo/adapter on the emulator (custom names and user fields)',
    backend: emulatorBackend({ table: customTableNames, translateConfig: {} }),
    adapter: (backend) => DynamoDBAdapter(backend.documentClient, backend.table),
    capabilities: oursCapabilities,
    fixtures: { customUserFields },
  }),
)
