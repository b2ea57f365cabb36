import type { EngineResponse } from '../engine/engine-response.js'
import type { Namespace } from '../namespaces/namespace.js'

/** A client's DynamoDB request, as interceptors see it. */
export interface InterceptedRequest {
  readonly operation: string
  readonly payload: Record<string, unknown>
  readonly namespace: Namespace
  /** The access key that signed it. */
  readonly principal: string
}

/**
 * Wraps every client request on its way into a namespace (never the emulator's own work):
 * fault injection answers instead, delays, or lets the request run and then loses the answer.
 * Registered in `dispatch/interceptors.ts`.
 */
export interface Interceptor {
  readonly name: string
  intercept(
    request: InterceptedRequest,
    next: (request: InterceptedRequest) => Promise<EngineResponse>,
  ): Promise<EngineResponse>
}
