import { DynamoDBConformanceError } from './dynamodb-conformance-error.js'

/**
 * Imports an optional peer dependency that only one backend needs, so the probes work without
 * it.
 *
 * @param specifier - the package
 * @param neededFor - what needs it, for the message
 * @throws {@link DynamoDBConformanceError} `DYNAMODB_PEER_MISSING` naming the install command
 */
export async function importOptionalPeer<T>(specifier: string, neededFor: string): Promise<T> {
  try {
    return (await import(specifier)) as T
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error
    throw new DynamoDBConformanceError(
      'DYNAMODB_PEER_MISSING',
      `${neededFor} needs the package "${specifier}", which is not installed: run \`npm install --save-dev ${specifier}\``,
      { cause: error },
    )
  }
}
