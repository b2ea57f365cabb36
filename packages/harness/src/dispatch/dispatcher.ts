import { type EngineResponse, errorResponse } from '../engine/engine-response.js'
import type { DynamoRequest } from '../http/dynamodb-protocol.js'
import type { NamespaceRegistry } from '../namespaces/namespace-registry.js'
import type { OperationLog } from './operation-log.js'

/**
 * From a parsed HTTP request to its namespace: counts it in the operation log under the access
 * key that signed it, and hands it to the namespace the key belongs to.
 */
export class Dispatcher {
  readonly #namespaces: NamespaceRegistry
  readonly #operationLog: OperationLog

  constructor(namespaces: NamespaceRegistry, operationLog: OperationLog) {
    this.#namespaces = namespaces
    this.#operationLog = operationLog
  }

  dispatch(request: DynamoRequest): Promise<EngineResponse> {
    this.#operationLog.record(request.operation, request.accessKeyId)
    const namespace = this.#namespaces.forAccessKey(request.accessKeyId)
    if (!namespace) {
      return Promise.resolve(
        errorResponse(
          'UnrecognizedClientException',
          `The security token included in the request is invalid: ${request.accessKeyId} is the access key of a namespace that no longer exists (it was deleted, or the emulator restarted). Create a new namespace for this test file.`,
        ),
      )
    }
    return namespace.request(request.operation, request.payload, request.accessKeyId)
  }
}
