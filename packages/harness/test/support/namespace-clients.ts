import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import type { Emulator, EmulatorNamespace } from '../../src/index.js'

/** A document client signing into `namespace` (as `principal`, a name after the namespace key). */
export function namespaceClient(
  emulator: Emulator,
  namespace: EmulatorNamespace,
  options: { principal?: string; maxAttempts?: number } = {},
): DynamoDBDocument {
  const accessKeyId =
    options.principal === undefined
      ? namespace.credentials.accessKeyId
      : `${namespace.credentials.accessKeyId}.${options.principal}`
  return DynamoDBDocument.from(
    new DynamoDBClient({
      endpoint: emulator.endpoint,
      region: emulator.region,
      credentials: { accessKeyId, secretAccessKey: namespace.credentials.secretAccessKey },
      maxAttempts: options.maxAttempts ?? 1,
    }),
  )
}
