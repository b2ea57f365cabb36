import { type EngineResponse, errorResponse } from '../engine/engine-response.js'
import type { DynamoRequest } from '../http/dynamodb-protocol.js'
import type { NamespaceRegistry } from '../namespaces/namespace-registry.js'
import type { InterceptedRequest, Interceptor } from './interceptor.js'
import type { OperationLog } from './operation-log.js'

/**
 * From a parsed HTTP request to its namespace: counts it in the operation log under the access
 * key that signed it, passes it through the interceptors (faults), and hands it to the
 * namespace the key belongs to.
 */
export class Dispatcher {
  readonly #namespaces: NamespaceRegistry
  readonly #operationLog: OperationLog
  readonly #chain: (request: InterceptedRequest) => Promise<EngineResponse>

  constructor(
    namespaces: NamespaceRegistry,
    operationLog: OperationLog,
    interceptors: readonly Interceptor[],
  ) {
    this.#namespaces = namespaces
    this.#operationLog = operationLog
    const last = (request: InterceptedRequest) =>
      request.namespace.request(request.operation, request.payload, request.principal, (part) =>
        operationLog.record(part, request.principal),
      )
    this.#chain = interceptors.reduceRight<
      (request: InterceptedRequest) => Promise<EngineResponse>
    >((next, interceptor) => (request) => interceptor.intercept(request, next), last)
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
    return this.#chain({
      operation: request.operation,
      payload: request.payload,
      namespace,
      principal: request.accessKeyId,
    })
  }
}
