import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { DynamoDBAdapterError } from './errors.js'

/** Overrides for {@link createDocumentClient}; each wins over its environment variable. */
export interface CreateDocumentClientConfig {
  /**
   * AWS region.
   * @defaultValue `env.AUTH_DYNAMODB_REGION`
   */
  region?: string | undefined
  /**
   * Endpoint URL, e.g. the emulator's `http://127.0.0.1:8000`.
   * @defaultValue `env.AUTH_DYNAMODB_ENDPOINT`, else the regional AWS endpoint
   */
  endpoint?: string | undefined
  /**
   * Credentials, or a provider of them.
   * @defaultValue `env.AUTH_DYNAMODB_ID` and `env.AUTH_DYNAMODB_SECRET` when both are set, else the
   *   AWS SDK's default provider chain (instance roles, `AWS_*` variables, profiles)
   */
  credentials?: DynamoDBClientConfig['credentials']
  /**
   * Where the `AUTH_DYNAMODB_*` variables are read from.
   * @defaultValue `process.env`
   */
  env?: Record<string, string | undefined> | undefined
  /** Any other `DynamoDBClient` settings (retries, request handler...), applied first. */
  clientConfig?: DynamoDBClientConfig | undefined
}

function invalid(message: string): DynamoDBAdapterError {
  return new DynamoDBAdapterError({
    code: 'INVALID_CONFIG',
    method: 'createDocumentClient',
    message,
  })
}

/**
 * The `DynamoDBDocument` the Auth.js DynamoDB docs tell you to build by hand, built from
 * `AUTH_DYNAMODB_ID`, `AUTH_DYNAMODB_SECRET`, `AUTH_DYNAMODB_REGION` and (optional)
 * `AUTH_DYNAMODB_ENDPOINT`, with the recommended marshall options (`convertEmptyValues`,
 * `removeUndefinedValues`, `convertClassInstanceToMap`).
 *
 * Precedence: `config` fields, then the environment, then the AWS SDK's defaults (credentials only).
 *
 * @throws {@link DynamoDBAdapterError} with code `INVALID_CONFIG` when no region is set (naming
 *   `AUTH_DYNAMODB_REGION`), when only one of `AUTH_DYNAMODB_ID` / `AUTH_DYNAMODB_SECRET` is set, or
 *   when the endpoint is not an http(s) URL.
 *
 * @example
 * ```ts
 * // .env: AUTH_DYNAMODB_ID, AUTH_DYNAMODB_SECRET, AUTH_DYNAMODB_REGION (+ AUTH_DYNAMODB_ENDPOINT locally)
 * const adapter = DynamoDBAdapter(createDocumentClient())
 * ```
 */
export function createDocumentClient(config: CreateDocumentClientConfig = {}): DynamoDBDocument {
  const env = config.env ?? process.env
  const read = (name: string) => (env[name] === '' ? undefined : env[name])

  const region = config.region ?? read('AUTH_DYNAMODB_REGION')
  if (region === undefined || region === '') {
    throw invalid(
      'no AWS region: set the environment variable AUTH_DYNAMODB_REGION (e.g. AUTH_DYNAMODB_REGION=eu-west-1) or pass { region }.',
    )
  }

  const endpoint = config.endpoint ?? read('AUTH_DYNAMODB_ENDPOINT')
  if (endpoint !== undefined && !/^https?:\/\/[^/\s]+/.test(endpoint)) {
    throw invalid(
      `the endpoint "${endpoint}" (from ${config.endpoint === undefined ? 'AUTH_DYNAMODB_ENDPOINT' : 'config.endpoint'}) is not an http(s) URL; use e.g. http://127.0.0.1:8000.`,
    )
  }

  let credentials = config.credentials
  if (credentials === undefined) {
    const accessKeyId = read('AUTH_DYNAMODB_ID')
    const secretAccessKey = read('AUTH_DYNAMODB_SECRET')
    if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
      const missing = accessKeyId === undefined ? 'AUTH_DYNAMODB_ID' : 'AUTH_DYNAMODB_SECRET'
      throw invalid(
        `${missing} is not set while its pair is: set both AUTH_DYNAMODB_ID and AUTH_DYNAMODB_SECRET, or neither (to use the AWS SDK's default credential chain).`,
      )
    }
    if (accessKeyId !== undefined && secretAccessKey !== undefined) {
      credentials = { accessKeyId, secretAccessKey }
    }
  }

  const client = new DynamoDBClient({
    ...config.clientConfig,
    region,
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
