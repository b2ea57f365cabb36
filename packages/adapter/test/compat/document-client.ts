import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument, paginateScan } from '@aws-sdk/lib-dynamodb'

/** What a test needs of a running emulator to talk to it. */
export interface EmulatorEndpoint {
  readonly endpoint: string
  readonly region: string
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string }
}

/**
 * A `DynamoDBDocument` on the emulator, built as the `@auth/dynamodb-adapter` docs tell users to
 * build it (the marshall options users switching from upstream already have), and its
 * `DynamoDBClient`, for attaching middleware.
 */
export function documentClient(emulator: EmulatorEndpoint): {
  client: DynamoDBClient
  document: DynamoDBDocument
} {
  const client = new DynamoDBClient({
    endpoint: emulator.endpoint,
    region: emulator.region,
    credentials: emulator.credentials,
  })
  const document = DynamoDBDocument.from(client, {
    marshallOptions: {
      convertEmptyValues: true,
      removeUndefinedValues: true,
      convertClassInstanceToMap: true,
    },
  })
  return { client, document }
}

/** Every item of `tableName`, read through all scan pages. */
export async function scanAll(
  document: DynamoDBDocument,
  tableName: string,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = []
  for await (const page of paginateScan({ client: document }, { TableName: tableName })) {
    items.push(...(page.Items ?? []))
  }
  return items
}
