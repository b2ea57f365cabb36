import { DynamoDBAdapter } from '@auth/dynamodb-adapter'
import { dynamodbConformanceOptions, emulatorBackend } from '../../src/dynamodb/index.js'
import { runAdapterConformance } from '../../src/index.js'
import { customTableNames, customUserFields } from './support/custom-names.js'
import {
  upstreamCapabilities,
  upstreamCustomNamesExpectedFailures,
  upstreamExpectedFailures,
} from './support/upstream-expectations.js'

// The adapter most users switch from, run by the same suite on the same backend as ours. Every
// failure is listed with its cause; an expected failure that starts passing fails the run.
runAdapterConformance(
  dynamodbConformanceOptions({
    name: '@auth/dynamodb-adapter 2.11.3 on the emulator (default names)',
    backend: emulatorBackend(),
    adapter: (backend) => DynamoDBAdapter(backend.documentClient, backend.table),
    capabilities: upstreamCapabilities,
    expectedFailures: upstreamExpectedFailures,
  }),
)

runAdapterConformance(
  dynamodbConformanceOptions({
    name: '@auth/dynamodb-adapter 2.11.3 on the emulator (custom names and user fields)',
    backend: emulatorBackend({ table: customTableNames }),
    adapter: (backend) => DynamoDBAdapter(backend.documentClient, backend.table),
    capabilities: upstreamCapabilities,
    expectedFailures: upstreamCustomNamesExpectedFailures,
    fixtures: { customUserFields },
  }),
)
