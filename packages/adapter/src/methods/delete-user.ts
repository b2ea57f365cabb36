import type { AdapterUser } from '../authjs-types.js'
import { batchDelete } from '../batch-delete.js'
import type { StoredItem } from '../client/document-port.js'
import { ExpressionBuilder } from '../expression-builder.js'
import { optionalEmail, requireString } from '../input.js'
import { fromItem } from '../item-codec.js'
import type { ItemKey } from '../table-layout.js'
import type { AdapterContext } from './adapter-context.js'
import { claimKey } from './claims.js'

/** deleteUser: the user and everything that belongs to them. */
export function deleteUserMethod({ port, layout, retry }: AdapterContext) {
  const TableName = layout.tableName

  async function itemsInPartition(partition: string): Promise<StoredItem[]> {
    if (!layout.fits({ [layout.pk]: partition })) return []
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

  /** The uniqueness claims on the user's email and on each of its accounts. */
  function claimKeys(email: string | undefined, owned: readonly StoredItem[]): ItemKey[] {
    const keys: ItemKey[] = []
    if (email !== undefined) keys.push(claimKey(layout, { kind: 'email', email }))
    for (const item of owned) {
      const { provider, providerAccountId } = item
      const isAccount = String(item[layout.sk]).startsWith(layout.accountPrefix)
      if (isAccount && typeof provider === 'string' && typeof providerAccountId === 'string') {
        const key = claimKey(layout, { kind: 'account', provider, providerAccountId })
        if (layout.fits(key)) keys.push(key)
      }
    }
    return keys.filter((key) => layout.fits(key))
  }

  return {
    async deleteUser(userId: string): Promise<AdapterUser | null> {
      requireString(userId, 'userId')
      const owned = await itemsInPartition(layout.userPartition(userId))
      const userKey = layout.userKey(userId)
      const userItem = owned.find((item) => item[layout.sk] === userKey[layout.sk])
      const email = optionalEmail(userItem?.email)
      const tokens =
        email === undefined ? [] : await itemsInPartition(layout.verificationTokenPartition(email))
      // The claims go before the items they guard, and the user item goes last: if a batch
      // fails, what is left is still found (and finished) by calling deleteUser again, instead
      // of orphaned accounts and sessions without a user. A claim whose user is gone would be
      // harmless too: the next claimant takes it over.
      const keys: ItemKey[] = [
        ...tokens.map((item) => layout.keyOf(item)),
        ...claimKeys(email, owned),
        ...owned.filter((item) => item !== userItem).map((item) => layout.keyOf(item)),
        ...(userItem ? [userKey] : []),
      ]
      await batchDelete(port, { method: 'deleteUser', tableName: TableName }, keys, retry)
      return userItem ? fromItem<AdapterUser>(layout, userItem, 'USER') : null
    },
  }
}
