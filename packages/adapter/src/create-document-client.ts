import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { DynamoDBAdapterError } from './errors.js'

/** Overrides for {@link createDocumentClient}; each wins over its environment variable. */
export interface CreateDocumentClientConfig {
  /**
   * AWS region.
   * @defaultValue `clientConfig.region`, else `env.AUTH_DYNAMODB_REGION`, else the AWS SDK's own
   *   region chain (`AWS_REGION`, then the `region` of the AWS config file's profile)
   */
  region?: string | undefined
  /**
   * Endpoint URL, e.g. the emulator's `http://127.0.0.1:8000`.
   * @defaultValue `clientConfig.endpoint`, else `env.AUTH_DYNAMODB_ENDPOINT`, else the regional
   *   AWS endpoint
   */
  endpoint?: string | undefined
  /**
   * Credentials, or a provider of them.
   * @defaultValue `clientConfig.credentials`, else `env.AUTH_DYNAMODB_ID` and
   *   `env.AUTH_DYNAMODB_SECRET` when both are set, else the AWS SDK's default provider chain
   *   (instance and task roles, `AWS_*` variables, profiles)
   */
  credentials?: DynamoDBClientConfig['credentials']
  /**
   * Where the `AUTH_DYNAMODB_*` variables are read from.
   * @defaultValue `process.env` (an empty object where there is no `process`)
   */
  env?: Record<string, string | undefined> | undefined
  /**
   * Any other `DynamoDBClient` settings: retries (`maxAttempts`, `retryMode`), the request
   * handler... Its `region`, `endpoint` and `credentials` count as explicit settings, below the
   * three fields above and above the environment.
   */
  clientConfig?: DynamoDBClientConfig | undefined
}

/**
 * The request timeouts of the client {@link createDocumentClient} builds, unless
 * `clientConfig.requestHandler` is given: at most 3 s to open a connection and 5 s for a request,
 * each attempt. The AWS SDK's own defaults have neither, so a request to an endpoint that accepts
 * the connection but never answers stays pending forever. A timed-out attempt is retried like a
 * network error (3 attempts in all with the SDK's default `maxAttempts`).
 */
export const defaultRequestTimeouts = {
  connectionTimeout: 3_000,
  requestTimeout: 5_000,
  // Newer @smithy/node-http-handler versions only warn on requestTimeout without this.
  throwOnRequestTimeout: true,
} as const

function invalid(message: string): DynamoDBAdapterError {
  return new DynamoDBAdapterError({
    code: 'INVALID_CONFIG',
    method: 'createDocumentClient',
    message,
  })
}

/** A provider that fails every request with `error`: configuration errors wait for a request. */
function failing(error: DynamoDBAdapterError) {
  return () => Promise.reject(error)
}

function processEnv(): Record<string, string | undefined> {
  return typeof process === 'undefined' ? {} : process.env
}

/**
 * The `DynamoDBDocument` the Auth.js DynamoDB docs tell you to build by hand, built from
 * `AUTH_DYNAMODB_ID`, `AUTH_DYNAMODB_SECRET`, `AUTH_DYNAMODB_REGION` and (optional)
 * `AUTH_DYNAMODB_ENDPOINT`, with the recommended marshall options (`convertEmptyValues`,
 * `removeUndefinedValues`, `convertClassInstanceToMap`) and request timeouts
 * ({@link defaultRequestTimeouts}). Retries are the AWS SDK's: 3 attempts with exponential
 * backoff for throttling, 5xx answers, timeouts and network errors.
 *
 * Precedence, for each of region, endpoint and credentials: the `config` field, then the same
 * setting in `config.clientConfig`, then the `AUTH_DYNAMODB_*` variable, then the AWS SDK's own
 * chain (`AWS_REGION`, profiles, instance roles).
 *
 * Never throws: a configuration error (no region anywhere, only half of a credential pair, an
 * endpoint that is not an http(s) URL) fails each request with a `DynamoDBAdapterError` with code
 * `INVALID_CONFIG` naming the variable to set. So the usual
 * `DynamoDBAdapter(createDocumentClient())` at module level survives a build step that evaluates
 * the module without AWS variables (Next.js does, collecting page data).
 *
 * @example
 * ```ts
 * // .env: AUTH_DYNAMODB_ID, AUTH_DYNAMODB_SECRET, AUTH_DYNAMODB_REGION (+ AUTH_DYNAMODB_ENDPOINT locally)
 * const adapter = DynamoDBAdapter(createDocumentClient())
 * ```
 */
export function createDocumentClient(config: CreateDocumentClientConfig = {}): DynamoDBDocument {
  const env = config.env ?? processEnv()
  const read = (name: string) => (env[name] === '' ? undefined : env[name])
  const clientConfig = config.clientConfig ?? {}

  // Without any region the SDK resolves its own chain at the first request, and fails that
  // request with "Region is missing", which the adapter reports as INVALID_CONFIG.
  const region = config.region || clientConfig.region || read('AUTH_DYNAMODB_REGION')

  let endpoint: DynamoDBClientConfig['endpoint'] = config.endpoint ?? clientConfig.endpoint
  const endpointSource =
    config.endpoint !== undefined ? 'config.endpoint' : 'AUTH_DYNAMODB_ENDPOINT'
  if (endpoint === undefined) endpoint = read('AUTH_DYNAMODB_ENDPOINT')
  if (typeof endpoint === 'string' && !/^https?:\/\/[^/\s]+/.test(endpoint)) {
    endpoint = failing(
      invalid(
        `the endpoint "${endpoint}" (from ${clientConfig.endpoint === endpoint ? 'clientConfig.endpoint' : endpointSource}) is not an http(s) URL; use e.g. http://127.0.0.1:8000.`,
      ),
    ) as unknown as DynamoDBClientConfig['endpoint']
  }

  let credentials = config.credentials ?? clientConfig.credentials
  if (credentials === undefined) {
    const accessKeyId = read('AUTH_DYNAMODB_ID')
    const secretAccessKey = read('AUTH_DYNAMODB_SECRET')
    if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
      const missing = accessKeyId === undefined ? 'AUTH_DYNAMODB_ID' : 'AUTH_DYNAMODB_SECRET'
      credentials = failing(
        invalid(
          `${missing} is not set while its pair is: set both AUTH_DYNAMODB_ID and AUTH_DYNAMODB_SECRET, or neither (to use the AWS SDK's default credential chain).`,
        ),
      )
    } else if (accessKeyId !== undefined && secretAccessKey !== undefined) {
      credentials = { accessKeyId, secretAccessKey }
    }
  }

  const client = new DynamoDBClient({
    requestHandler: { ...defaultRequestTimeouts },
    ...clientConfig,
    ...(region ? { region } : {}),
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(credentials === undefined ? {} : { credentials }),
  })
  return DynamoDBDocument.from(client, {
    marshallOptions: {
      convertEmptyValues: true,
      removeUndefinedValues: true,
      convertClassInstanceToMap: true,
    },
  })
}
