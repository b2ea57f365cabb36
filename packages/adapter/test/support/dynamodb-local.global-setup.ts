import type { TestProject } from 'vitest/node'
import {
  type DynamoDBLocalEndpoint,
  dynamodbLocalUnavailable,
  startDynamoDBLocal,
} from './dynamodb-local.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's DynamoDB Local, or why there is none. */
    dynamodbLocal: { endpoint: DynamoDBLocalEndpoint } | { unavailable: string }
  }
}

/**
 * One DynamoDB Local (a JVM, seconds to start) for the whole run, shared by every test file
 * through vitest's provide/inject; each file makes its own uniquely named tables.
 */
export default async function setup(project: TestProject) {
  const unavailable = dynamodbLocalUnavailable()
  if (unavailable !== undefined) {
    project.provide('dynamodbLocal', { unavailable })
    return
  }
  const { stop, ...endpoint } = await startDynamoDBLocal()
  project.provide('dynamodbLocal', { endpoint })
  return stop
}
