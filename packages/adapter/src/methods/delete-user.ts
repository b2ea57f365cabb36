import type { AdapterUser } from '@auth/core/adapters'
import { batchDelete } from '../batch-delete.js'
import type { StoredItem } from '../client/document-port.js'
import { ExpressionBuilder } from '../expression-builder.js'
import { fromItem } from '../item-codec.js'
import type { ItemKey } from '../table-layout.js'
import type { AdapterContext } from './adapter-context.js'

/** deleteUser: the user and everything that belongs to them. */
export function deleteUserMethod({ port, layout, retry }: AdapterContext) {
  const TableName = layout.tableName

  async function itemsInPartition(partition: string): Promise<StoredItem[]> {
    const expression = new ExpressionBuilder()
    const items: StoredItem[] = []
    const pages = port.queryPages({
      TableName,
      KeyConditionExpression: `${expression.name(layout.pk)} = ${expression.value(partition)}`,
      ...expression.attributes(),
    })
    for await (const page of pages) items.push(...(page.Items ?? []))
    return items
  }

  return {
    async deleteUser(userId: string): Promise<AdapterUser | null> {
      const userKey = layout.userKey(userId)
      const owned = await itemsInPartition(layout.userPartition(userId))
      const userItem = owned.find((item) => item[layout.sk] === userKey[layout.sk])
      const email = userItem?.email
      const tokens =
        typeof email === 'string' && email !== ''
          ? await itemsInPartition(layout.verificationTokenPartition(email))
          : []
      // The user item goes last: if a batch fails, what is left is still found (and finished) by
      // calling deleteUser again, instead of orphaned accounts and sessions without a user.
      const keys: ItemKey[] = [
        ...tokens.map((item) => layout.keyOf(item)),
        ...owned.filter((item) => item !== userItem).map((item) => layout.keyOf(item)),
        ...(userItem ? [userKey] : []),
      ]
      await batchDelete(port, { method: 'deleteUser', tableName: TableName }, keys, retry)
      return userItem ? fromItem<AdapterUser>(layout, userItem, 'USER') : null
    },
  }
}
