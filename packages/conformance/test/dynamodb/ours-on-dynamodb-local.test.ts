import { DynamoDBAdapter } from '@auth-dynamo/adapter'
import { afterAll, beforeAll, describe } from 'vitest'
import {
  type DynamoDBLocal,
  dynamodbConformanceOptions,
  dynamodbLocalBackend,
  startDynamoDBLocal,
} from '../../src/dynamodb/index.js'
import { runAdapterConformance } from '../../src/index.js'
import { customTableNames, customUserFields } from './support/custom-names.js'
import { skipWithoutJava } from './support/java.js'
import { oursOnDynamodbLocalCapabilities } from './support/ours-on-dynamodb-local.js'

describe.skipIf(skipWithoutJava !== undefined)(
  `@auth-dynamo/adapter on DynamoDB Local${skipWithoutJava ? ` (${skipWithoutJava})` : ''}`,
  () => {
    // One DynamoDB Local (a JVM, seconds to start) for the file; each run gets its own table.
    let local: DynamoDBLocal | undefined
    beforeAll(async () => {
      local = await startDynamoDBLocal()
    }, 120_000)
    afterAll(() => local?.stop())

    const endpoint = () => {
      if (!local) throw new Error('DynamoDB Local did not start; see the beforeAll error')
      return local.endpoint
    }

    runAdapterConformance(
      dynamodbConformanceOptions({
        name: '@auth-dynamo/adapter on DynamoDB Local (default names)',
        backend: dynamodbLocalBackend({ endpoint }),
        adapter: (backend) => DynamoDBAdapter(backend.documentClient, backend.table),
        capabilities: oursOnDynamodbLocalCapabilities,
      }),
    )

    runAdapterConformance(
      dynamodbConformanceOptions({
        name: '@auth-dynamo/adapter on DynamoDB Local (custom names and user fields)',
        backend: dynamodbLocalBackend({ endpoint, table: customTableNames, translateConfig: {} }),
        adapter: (backend) => DynamoDBAdapter(backend.documentClient, backend.table),
        capabilities: oursOnDynamodbLocalCapabilities,
        fixtures: { customUserFields },
      }),
    )
  },
)
