import type { AdapterAccount } from '@auth/core/adapters'
import { type Attributes, fromItem, toStoredAttributes } from '../item-codec.js'
import type { AdapterContext } from './adapter-context.js'
import { queryIndex } from './query-index.js'

/** linkAccount, unlinkAccount and getAccount. */
export function accountMethods({ port, layout }: AdapterContext) {
  const TableName = layout.tableName
  // Accounts keep their own `type` ("oauth", "oidc", "email", "webauthn"): there is no marker to strip.
  const toAccount = (item: Attributes) => fromItem<AdapterAccount>(layout, item)

  return {
    async linkAccount(account: AdapterAccount): Promise<AdapterAccount> {
      const { userId, provider, providerAccountId } = account
      const item: Attributes = {
        ...toStoredAttributes(layout, account),
        ...layout.accountKey(userId, provider, providerAccountId),
        ...layout.accountIndex(provider, providerAccountId),
      }
      await port.put({ TableName, Item: item })
      return toAccount(item)
    },

    async unlinkAccount({
      provider,
      providerAccountId,
    }: Pick<AdapterAccount, 'provider' | 'providerAccountId'>): Promise<
      AdapterAccount | undefined
    > {
      const found = await queryIndex(port, layout, layout.accountIndex(provider, providerAccountId))
      if (!found) return undefined
      const { Attributes } = await port.delete({
        TableName,
        Key: layout.keyOf(found),
        ReturnValues: 'ALL_OLD',
      })
      // Attributes is empty when a concurrent unlink won the race: the account is gone either way.
      return Attributes ? toAccount(Attributes) : undefined
    },

    async getAccount(providerAccountId: string, provider: string): Promise<AdapterAccount | null> {
      const found = await queryIndex(port, layout, layout.accountIndex(provider, providerAccountId))
      return found ? toAccount(found) : null
    },
  }
}
