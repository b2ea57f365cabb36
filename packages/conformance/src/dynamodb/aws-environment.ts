import type { AwsBackendOptions } from './aws-backend.js'
import { DynamoDBConformanceError } from './dynamodb-conformance-error.js'

/** What {@link awsEnvironment} found. */
export type AwsEnvironment =
  | {
      /** AWS is configured: run against it. */
      readonly available: true
      /** Options for `awsBackend`. */
      readonly options: AwsBackendOptions
      /** Region, where the credentials come from, and the table, for test names. */
      readonly description: string
    }
  | {
      /** AWS is not configured: skip, and say why. */
      readonly available: false
      /** Why, and which variables to set. */
      readonly reason: string
    }

// Variables by which the AWS SDK's default chain finds credentials without network calls.
const chainVariables = [
  'AWS_ACCESS_KEY_ID',
  'AWS_PROFILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
] as const

const tableNamePattern = /^[a-zA-Z0-9_.-]{3,255}$/

/**
 * Reads the AWS settings from the environment, the variables Auth.js's DynamoDB guide uses:
 * `AUTH_DYNAMODB_REGION`; `AUTH_DYNAMODB_ID` and `AUTH_DYNAMODB_SECRET` (or credentials the SDK's
 * default chain finds through `AWS_PROFILE`, `AWS_ACCESS_KEY_ID`, a web identity token or a
 * container role); and `AUTH_DYNAMODB_TABLE`, an existing Auth.js table (without it, the backend
 * creates a fresh table and deletes it afterwards). Makes no network call.
 *
 * @param env - the environment
 * @defaultValue `env` is `process.env`
 * @returns the backend options, or why AWS is not available
 * @throws {@link DynamoDBConformanceError} `DYNAMODB_AWS_NOT_CONFIGURED` for settings that
 *   contradict each other (only one of the ID and secret; an invalid table name)
 */
export function awsEnvironment(
  env: Readonly<Record<string, string | undefined>> = process.env,
): AwsEnvironment {
  const value = (name: string) => {
    const set = env[name]?.trim()
    return set === '' ? undefined : set
  }
  const region = value('AUTH_DYNAMODB_REGION')
  const accessKeyId = value('AUTH_DYNAMODB_ID')
  const secretAccessKey = value('AUTH_DYNAMODB_SECRET')
  const tableName = value('AUTH_DYNAMODB_TABLE')
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new DynamoDBConformanceError(
      'DYNAMODB_AWS_NOT_CONFIGURED',
      `AUTH_DYNAMODB_${accessKeyId === undefined ? 'SECRET' : 'ID'} is set but AUTH_DYNAMODB_${accessKeyId === undefined ? 'ID' : 'SECRET'} is not: set both (an access key id and its secret), or neither to use the AWS default credential chain`,
    )
  }
  if (tableName !== undefined && !tableNamePattern.test(tableName)) {
    throw new DynamoDBConformanceError(
      'DYNAMODB_AWS_NOT_CONFIGURED',
      `AUTH_DYNAMODB_TABLE "${tableName}" is not a valid table name (3 to 255 characters of a-z, A-Z, 0-9, "_", "-", ".")`,
    )
  }
  if (region === undefined) {
    return {
      available: false,
      reason:
        'AUTH_DYNAMODB_REGION is not set (set it, with AUTH_DYNAMODB_ID and AUTH_DYNAMODB_SECRET, and optionally AUTH_DYNAMODB_TABLE, to run against AWS)',
    }
  }
  const chain = chainVariables.find((name) => value(name) !== undefined)
  if (accessKeyId === undefined && chain === undefined) {
    return {
      available: false,
      reason: `AUTH_DYNAMODB_REGION is set but there are no credentials (set AUTH_DYNAMODB_ID and AUTH_DYNAMODB_SECRET, or one of ${chainVariables.join(', ')})`,
    }
  }
  const credentials =
    accessKeyId !== undefined && secretAccessKey !== undefined
      ? { accessKeyId, secretAccessKey }
      : undefined
  return {
    available: true,
    options: {
      region,
      ...(credentials ? { credentials } : {}),
      ...(tableName !== undefined ? { table: { tableName }, existingTable: true } : {}),
    },
    description: `${region}, credentials from ${credentials ? 'AUTH_DYNAMODB_ID/AUTH_DYNAMODB_SECRET' : chain}, ${tableName === undefined ? 'a fresh table' : `table ${tableName}`}`,
  }
}
