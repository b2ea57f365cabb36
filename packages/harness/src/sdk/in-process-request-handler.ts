import type { DynamoRequest, DynamoResponse } from '../dynalite/dynalite-store.js'

interface SdkHttpRequest {
  headers: Record<string, string>
  body?: unknown
}

/**
 * An AWS SDK request handler that hands requests straight to the emulator's dispatcher, so
 * the emulator can use the SDK's commands and paginators on itself without a socket.
 */
export function inProcessRequestHandler(
  dispatch: (request: DynamoRequest) => Promise<DynamoResponse>,
) {
  return {
    async handle(request: SdkHttpRequest) {
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]),
      )
      const body =
        typeof request.body === 'string'
          ? Buffer.from(request.body)
          : request.body instanceof Uint8Array
            ? // A view, not Buffer.from(body): the SDK's byte arrays override valueOf().
              Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength)
            : Buffer.alloc(0)
      const response = await dispatch({ headers, body })
      return {
        response: {
          statusCode: response.statusCode,
          headers: response.headers,
          body: new Uint8Array(response.body),
        },
      }
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs() {
      return {}
    },
  }
}
