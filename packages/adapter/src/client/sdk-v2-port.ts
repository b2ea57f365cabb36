import type { DocumentPort } from './document-port.js'
import { paginateManually } from './paginate-manually.js'

/** An aws-sdk v2 request: the adapter only ever calls `promise()` on it. */
interface SdkV2Request {
  /** Sends the request. */
  promise(): Promise<unknown>
}

/**
 * The structural shape of an aws-sdk v2 `AWS.DynamoDB.DocumentClient` that the adapter uses. Only
 * the shape is needed, so the adapter does not depend on `aws-sdk` (a v2 app can switch adapters
 * before it switches SDKs).
 */
export interface AwsSdkV2DocumentClient {
  /** `DocumentClient.get`. */
  get(params: never): SdkV2Request
  /** `DocumentClient.put`. */
  put(params: never): SdkV2Request
  /** `DocumentClient.update`. */
  update(params: never): SdkV2Request
  /** `DocumentClient.delete`. */
  delete(params: never): SdkV2Request
  /** `DocumentClient.query`. */
  query(params: never): SdkV2Request
  /** `DocumentClient.batchWrite`. */
  batchWrite(params: never): SdkV2Request
  /** `DocumentClient.transactWrite` (aws-sdk 2.365 and later). */
  transactWrite(params: never): SdkV2Request
}

const v2Methods = [
  'get',
  'put',
  'update',
  'delete',
  'query',
  'batchWrite',
  'transactWrite',
] as const

/** Whether a value has the shape of an aws-sdk v2 `DocumentClient`. */
export function isAwsSdkV2DocumentClient(value: unknown): value is AwsSdkV2DocumentClient {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Record<string, unknown>
  return v2Methods.every((method) => typeof candidate[method] === 'function')
}

/** A {@link DocumentPort} over an aws-sdk v2 `DocumentClient` (the parameter shapes are the same). */
export function sdkV2Port(client: AwsSdkV2DocumentClient): DocumentPort {
  const call =
    (method: (typeof v2Methods)[number]) =>
    // biome-ignore lint/suspicious/noExplicitAny: v2 and v3 share parameter shapes but not types
    (input: unknown): Promise<any> =>
      (client[method] as (params: unknown) => SdkV2Request).call(client, input).promise()
  const port: DocumentPort = {
    kind: 'aws-sdk-v2',
    get: call('get'),
    put: call('put'),
    update: call('update'),
    delete: call('delete'),
    query: call('query'),
    batchWrite: call('batchWrite'),
    transactWrite: call('transactWrite'),
    queryPages: (input) => paginateManually(port.query, input),
  }
  return port
}
