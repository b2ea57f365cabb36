import type { DocumentPort, StoredItem } from '../client/document-port.js'
import { ExpressionBuilder } from '../expression-builder.js'
import type { ItemKey, TableLayout } from '../table-layout.js'

/**
 * The first item whose index keys equal `indexKey`: one Query on the index. Every lookup the
 * layout does through the index (email, account, session token, credential id) is an exact match
 * on both keys, so there is at most one item.
 */
export async function queryIndex(
  port: DocumentPort,
  layout: TableLayout,
  indexKey: ItemKey,
): Promise<StoredItem | undefined> {
  const expression = new ExpressionBuilder()
  const conditions = Object.entries(indexKey).map(
    ([name, value]) => `${expression.name(name)} = ${expression.value(value)}`,
  )
  const { Items } = await port.query({
    TableName: layout.tableName,
    IndexName: layout.indexName,
    KeyConditionExpression: conditions.join(' AND '),
    ...expression.attributes(),
  })
  return Items?.[0]
}
