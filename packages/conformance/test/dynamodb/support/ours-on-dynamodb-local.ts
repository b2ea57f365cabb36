import type { Capabilities } from '../../../src/index.js'

/**
 * Capabilities our adapter keeps on DynamoDB Local although the backend lists them as
 * limitations: its verification-token delete is conditional, so single use holds there too.
 */
export const oursOnDynamodbLocalCapabilities: Partial<Capabilities> = { concurrentTokenUse: true }
