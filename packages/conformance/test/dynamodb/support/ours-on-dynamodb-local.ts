import type { Capabilities } from '../../../src/index.js'

/**
 * What @auth-dynamo/adapter does not claim, on every backend: like @auth/dynamodb-adapter, it
 * reads every top-level string in ISO 8601 date-time form back as a Date (the item keeps no
 * type, and both adapters must read a table alike), custom user fields included. Its README says
 * so.
 */
export const oursCapabilities: Partial<Capabilities> = { isoDateStringFields: false }

/**
 * Capabilities our adapter keeps on DynamoDB Local although the backend lists them as
 * limitations: its verification-token delete is conditional, so single use holds there too.
 */
export const oursOnDynamodbLocalCapabilities: Partial<Capabilities> = {
  ...oursCapabilities,
  concurrentTokenUse: true,
}
