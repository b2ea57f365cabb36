import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb'
import type { QueryPage } from './document-port.js'

/**
 * Follows `LastEvaluatedKey` by hand, for clients the SDK's `paginateQuery` does not accept
 * (aws-sdk v2, or a v3 client from another copy of `@aws-sdk/lib-dynamodb`).
 */
export async function* paginateManually(
  query: (input: QueryCommandInput) => Promise<QueryPage>,
  input: QueryCommandInput,
): AsyncGenerator<QueryPage> {
  let startKey = input.ExclusiveStartKey
  do {
    const page = await query(
      startKey === undefined ? input : { ...input, ExclusiveStartKey: startKey },
    )
    yield page
    startKey = page.LastEvaluatedKey
  } while (startKey !== undefined)
}
