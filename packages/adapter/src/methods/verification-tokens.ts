import type { VerificationToken } from '../authjs-types.js'
import { isConditionalCheckFailed, mayHaveRetried } from '../aws-error.js'
import { isExpired } from '../epoch-seconds.js'
import { ExpressionBuilder } from '../expression-builder.js'
import { requireDate, requireObject, requireString } from '../input.js'
import { type Attributes, fromItem, toStoredAttributes } from '../item-codec.js'
import type { AdapterContext } from './adapter-context.js'

/**
 * The attribute `useVerificationToken` marks a token with before it deletes it: the id of the
 * call that consumed it. It lives only between the two requests (or, if the delete fails, until
 * TTL removes the token) and is never returned.
 */
export const consumedByAttribute = 'consumedBy'

/** createVerificationToken and useVerificationToken. */
export function verificationTokenMethods({ port, layout }: AdapterContext) {
  const TableName = layout.tableName
  const toToken = (item: Attributes) => {
    const { [consumedByAttribute]: _marker, ...token } = item
    return fromItem<VerificationToken>(layout, token, 'VT')
  }

  return {
    async createVerificationToken(token: VerificationToken): Promise<VerificationToken> {
      requireObject(token, 'verificationToken')
      const identifier = requireString(token.identifier, 'identifier')
      const value = requireString(token.token, 'token')
      requireDate(token.expires, 'expires')
      const key = layout.verificationTokenKey(identifier, value)
      layout.assertFits({ [layout.pk]: key[layout.pk] as string }, 'identifier', identifier)
      layout.assertFits({ [layout.sk]: key[layout.sk] as string }, 'token', value)
      const { [consumedByAttribute]: _ignored, ...fields } = toStoredAttributes(layout, token)
      const item: Attributes = { ...fields, ...key, type: 'VT' }
      await port.put({ TableName, Item: item })
      return toToken(item)
    },

    async useVerificationToken(params: {
      identifier: string
      token: string
    }): Promise<VerificationToken | null> {
      requireObject(params, 'params')
      const Key = layout.verificationTokenKey(
        requireString(params.identifier, 'identifier'),
        requireString(params.token, 'token'),
      )
      if (!layout.fits(Key)) return null
      // Two requests, where one DeleteItem with ReturnValues ALL_OLD would do if no response were
      // ever lost. With one, a delete that landed but whose response was lost is sent again by
      // the SDK, finds nothing, and the user's magic link reads as invalid; and the deleted item
      // cannot be read back. So the token is first marked with this call's id (a conditional
      // update that only one caller wins, returning the token), then deleted. A retried mark
      // fails its condition, and reading the token shows the call's own id.
      const consumer = crypto.randomUUID()
      const expression = new ExpressionBuilder()
      const marker = expression.name(consumedByAttribute)
      let consumed: Attributes | undefined
      try {
        ;({ Attributes: consumed } = await port.update({
          TableName,
          Key,
          UpdateExpression: `SET ${marker} = ${expression.value(consumer)}`,
          ConditionExpression: `attribute_exists(${expression.name(layout.pk)}) AND attribute_not_exists(${marker})`,
          ...expression.attributes(),
          ReturnValues: 'ALL_NEW',
        }))
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error
        // Missing, or consumed by someone else; unless the SDK sent the mark twice, and the first
        // one, whose response was lost, was this call's.
        if (!mayHaveRetried(error)) return null
        const { Item } = await port.get({ TableName, Key, ConsistentRead: true })
        if (Item?.[consumedByAttribute] !== consumer) return null
        consumed = Item
      }
      try {
        const condition = new ExpressionBuilder()
        await port.delete({
          TableName,
          Key,
          ConditionExpression: `${condition.name(consumedByAttribute)} = ${condition.value(consumer)}`,
          ...condition.attributes(),
        })
      } catch {
        // The token is consumed whatever happens here: the mark makes every later use fail, and
        // TTL removes the item. A failed delete (or a retried one that finds it gone) must not
        // turn a good magic link into an error.
      }
      // An expired token is consumed all the same, but reads as missing: DynamoDB's TTL may not
      // have removed it yet.
      if (!consumed || isExpired(consumed.expires)) return null
      return toToken(consumed)
    },
  }
}
