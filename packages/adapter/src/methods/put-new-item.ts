import { isConditionalCheckFailed } from '../aws-error.js'
import type { DocumentPort } from '../client/document-port.js'
import { ExpressionBuilder } from '../expression-builder.js'
import type { Attributes } from '../item-codec.js'
import type { TableLayout } from '../table-layout.js'

/**
 * Writes `item` only if no item has its key yet, in one conditional PutItem.
 *
 * @returns the ConditionalCheckFailedException when an item already had the key (nothing was
 *   written), or undefined when the item was written
 */
export async function putNewItem(
  port: DocumentPort,
  layout: TableLayout,
  item: Attributes,
): Promise<unknown> {
  const expression = new ExpressionBuilder()
  try {
    await port.put({
      TableName: layout.tableName,
      Item: item,
      ConditionExpression: `attribute_not_exists(${expression.name(layout.pk)})`,
      ...expression.attributes(),
    })
    return undefined
  } catch (error) {
    if (isConditionalCheckFailed(error)) return error
    throw error
  }
}
