import {
  type DynaliteStore,
  type DynamoRequest,
  type DynamoResponse,
  dynaliteOperations,
} from '../dynalite/dynalite-store.js'
import { handleTtlOperation, ttlOperations } from '../ttl/ttl-operations.js'
import type { TtlRegistry } from '../ttl/ttl-registry.js'
import { dynamoError } from './dynamodb-error.js'
import { operationOf } from './operation-log.js'

const supportedOperations = [...dynaliteOperations, ...ttlOperations].sort()

/**
 * Routes a DynamoDB request by its `X-Amz-Target`: TTL operations to the emulator's own
 * implementation, the rest to dynalite, and anything else to a clear UnknownOperationException.
 */
export class DynamoDispatcher {
  readonly #store: DynaliteStore
  readonly #registry: TtlRegistry

  constructor(store: DynaliteStore, registry: TtlRegistry) {
    this.#store = store
    this.#registry = registry
  }

  async dispatch(request: DynamoRequest): Promise<DynamoResponse> {
    const target = request.headers['x-amz-target']
    const operation = operationOf(target)
    if (!operation) {
      return dynamoError(
        'UnknownOperationException',
        `Missing or malformed X-Amz-Target header ${JSON.stringify(target ?? null)}: expected DynamoDB_20120810.<Operation>`,
      )
    }

    if (ttlOperations.has(operation)) {
      const payload = parseJsonObject(request.body)
      if (!payload) {
        return dynamoError('SerializationException', `The ${operation} body is not a JSON object`)
      }
      return handleTtlOperation(operation, payload, this.#store, this.#registry)
    }

    if (!dynaliteOperations.has(operation)) {
      return dynamoError(
        'UnknownOperationException',
        `The auth-dynamo emulator does not support the operation ${operation} yet. Supported: ${supportedOperations.join(', ')}`,
      )
    }

    const response = await this.#store.invoke(request)
    if (operation === 'DeleteTable' && response.statusCode === 200) {
      const tableName = parseJsonObject(request.body)?.TableName
      if (typeof tableName === 'string') this.#registry.disable(tableName)
    }
    return response
  }
}

function parseJsonObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'))
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}
