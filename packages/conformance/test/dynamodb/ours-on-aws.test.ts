import { DynamoDBAdapter } from '@auth-dynamo/adapter'
import { test, vi } from 'vitest'
import { awsBackend, awsEnvironment, dynamodbConformanceOptions } from '../../src/dynamodb/index.js'
import { runAdapterConformance } from '../../src/index.js'
import { oursCapabilities } from './support/ours-on-dynamodb-local.js'

// Real DynamoDB, only when the environment configures it (see awsEnvironment); otherwise one
// skipped test whose name says why. Nothing here contacts AWS unless configured.
const environment = awsEnvironment()

if (environment.available) {
  // Creating a table and waiting for it to be ACTIVE takes seconds on AWS.
  vi.setConfig({ hookTimeout: 180_000, testTimeout: 60_000 })
  runAdapterConformance(
    dynamodbConformanceOptions({
      name: `@auth-dynamo/adapter on AWS (${environment.description})`,
      backend: awsBackend(environment.options),
      adapter: (backend) => DynamoDBAdapter(backend.documentClient, backend.table),
      capabilities: oursCapabilities,
    }),
  )
} else {
  test.skip(`@auth-dynamo/adapter on AWS: skipped because ${environment.reason}`, () => {})
}
