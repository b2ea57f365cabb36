import type { AdapterAccount } from '../authjs-types.js'
import { DynamoDBAdapterError } from '../errors.js'
import { requireObject, requireString } from '../input.js'
import { InvalidInputError } from '../invalid-input-error.js'
import { type Attributes, fromItem, toStoredAttributes } from '../item-codec.js'
import type { AdapterContext } from './adapter-context.js'
import { type ClaimSubject, claimKey, deleteClaim, inspectClaim, putClaim } from './claims.js'
import { queryIndex } from './query-index.js'
import { transactWrite } from './transact-write.js'

const maxClaimRounds = 4

/** The provider and account id of an account argument, checked. */
function accountIds(account: unknown) {
  const { provider, providerAccountId } = requireObject(account, 'account')
  return {
    provider: requireString(provider, 'provider'),
    providerAccountId: requireString(providerAccountId, 'providerAccountId'),
  }
}

/** linkAccount, unlinkAccount and getAccount. */
export function accountMethods({ port, layout, retry }: AdapterContext) {
  const TableName = layout.tableName
  // Accounts keep their own `type` ("oauth", "oidc", "email", "webauthn"): there is no marker to strip.
  const toAccount = (item: Attributes) => fromItem<AdapterAccount>(layout, item)

  return {
    async linkAccount(account: AdapterAccount): Promise<AdapterAccount> {
      const { provider, providerAccountId } = accountIds(account)
      const userId = requireString(account.userId, 'userId')
      requireString(account.type, 'type')
      // The sort key is ACCOUNT#<provider>#<providerAccountId>: with a "#" in the provider,
      // ("a#b", "c") and ("a", "b#c") would be one key, and the second link would overwrite the
      // first. Provider ids are configuration names ("github"), so refusing "#" costs nothing and
      // keeps the layout of @auth/dynamodb-adapter.
      if (provider.includes('#')) {
        throw new InvalidInputError(
          `"provider" must not contain "#", got ${JSON.stringify(provider)}: the account's key joins provider and providerAccountId with "#", so such an id could collide with another account. Use a provider id without "#".`,
        )
      }
      const key = layout.accountKey(userId, provider, providerAccountId)
      layout.assertFits(layout.userKey(userId), 'userId', userId)
      layout.assertFits(
        { [layout.sk]: key[layout.sk] as string },
        'providerAccountId',
        providerAccountId,
      )
      const index = layout.accountIndex(provider, providerAccountId)
      layout.assertFits({ [layout.gsiPk]: index[layout.gsiPk] as string }, 'provider', provider)
      layout.assertFits(
        { [layout.gsiSk]: index[layout.gsiSk] as string },
        'providerAccountId',
        providerAccountId,
      )
      const subject: ClaimSubject = { kind: 'account', provider, providerAccountId }
      layout.assertFits(claimKey(layout, subject), 'providerAccountId', providerAccountId)
      const item: Attributes = { ...toStoredAttributes(layout, account), ...key, ...index }

      // The account and the claim on it in one transaction: a provider account linked to another
      // user (two tabs finishing one first sign-in) is refused instead of linked twice. Linking it
      // to the same user again overwrites it, as before, and so does a retried write.
      let staleOwner: string | undefined
      for (let round = 1; ; round++) {
        const outcome = await transactWrite(
          port,
          [{ Put: { TableName, Item: item } }, putClaim(layout, subject, userId, staleOwner)],
          retry,
        )
        if (outcome.written) return toAccount(item)
        const holder = await inspectClaim(port, layout, subject)
        if (round < maxClaimRounds && (holder.owner === undefined || holder.stale)) {
          staleOwner = holder.owner
          continue
        }
        throw new DynamoDBAdapterError({
          code: 'ACCOUNT_TAKEN',
          method: 'linkAccount',
          tableName: TableName,
          cause: outcome.error,
          message: `the ${provider} account "${providerAccountId}" is linked to another user ("${holder.owner ?? '?'}"); nothing was written. A provider account belongs to one user: this happens when two first sign-ins with it race (the other one linked it).`,
        })
      }
    },

    async unlinkAccount(
      account: Pick<AdapterAccount, 'provider' | 'providerAccountId'>,
    ): Promise<AdapterAccount | undefined> {
      const { provider, providerAccountId } = accountIds(account)
      const indexKey = layout.accountIndex(provider, providerAccountId)
      if (!layout.fits(indexKey)) return undefined
      const found = await queryIndex(port, layout, indexKey)
      if (!found) return undefined
      const owner =
        typeof found.userId === 'string'
          ? found.userId
          : String(found[layout.pk]).slice(layout.userPartition('').length)
      const subject: ClaimSubject = { kind: 'account', provider, providerAccountId }
      // The account and its claim go together; neither part has a condition that a concurrent or
      // retried unlink could fail, so both simply end up deleted.
      const outcome = await transactWrite(
        port,
        [{ Delete: { TableName, Key: layout.keyOf(found) } }, deleteClaim(layout, subject, owner)],
        retry,
      )
      // The claim is another user's (the account was linked twice before claims existed): it
      // stays theirs, and only this link is removed.
      if (!outcome.written) await port.delete({ TableName, Key: layout.keyOf(found) })
      return toAccount(found)
    },

    async getAccount(providerAccountId: string, provider: string): Promise<AdapterAccount | null> {
      const indexKey = layout.accountIndex(
        requireString(provider, 'provider'),
        requireString(providerAccountId, 'providerAccountId'),
      )
      if (!layout.fits(indexKey)) return null
      const found = await queryIndex(port, layout, indexKey)
      return found ? toAccount(found) : null
    },
  }
}
