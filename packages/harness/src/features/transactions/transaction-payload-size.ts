import { dynaliteDb, type StoredItem } from '../../engine/dynalite-internals.js'
import { type EngineResponse, errorResponse } from '../../engine/engine-response.js'
import type { ValidatedPart } from './transaction-parts.js'

/** The most a TransactWriteItems may carry: 4 MB. */
export const maxTransactionPayloadBytes = 4 * 1024 * 1024

/**
 * Refuses a transaction whose items weigh more than 4 MB. The weight is DynamoDB Local's
 * (measured to the byte on 3.3.0): each action's item (a Put) or key, plus the length of its
 * expressions, the values its attribute names stand for, and its expression attribute values.
 */
export function checkPayloadSize(parts: readonly ValidatedPart[]): EngineResponse | undefined {
  let bytes = 0
  for (const { request } of parts) {
    bytes += dynaliteDb.itemSize((request.Item ?? request.Key) as StoredItem)
    for (const expression of ['UpdateExpression', 'ConditionExpression'] as const) {
      const text = request[expression]
      if (typeof text === 'string') bytes += Buffer.byteLength(text)
    }
    const names = (request.ExpressionAttributeNames ?? {}) as Record<string, string>
    for (const name of Object.values(names)) bytes += Buffer.byteLength(name)
    const values = (request.ExpressionAttributeValues ?? {}) as StoredItem
    // itemSize counts each attribute's name as well; the placeholders (":v") do not weigh.
    for (const [placeholder, value] of Object.entries(values)) {
      bytes += dynaliteDb.itemSize({ [placeholder]: value }) - placeholder.length
    }
  }
  if (bytes <= maxTransactionPayloadBytes) return undefined
  return errorResponse(
    'ValidationException',
    `Transaction payload size cannot exceed 4MB. Payload Size: ${bytes}`,
  )
}
