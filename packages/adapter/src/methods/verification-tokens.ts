import type { VerificationToken } from '@auth/core/adapters'
import { isConditionalCheckFailed } from '../aws-error.js'
import { isExpired } from '../epoch-seconds.js'
import { type Attributes, fromItem, toStoredAttributes } from '../item-codec.js'
import type { AdapterContext } from './adapter-context.js'

/** createVerificationToken and useVerificationToken. */
export function verificationTokenMethods({ port, layout }: AdapterContext) {
  const TableName = layout.tableName
  const toToken = (item: Attributes) => fromItem<VerificationToken>(layout, item, 'VT')

  return {
    async createVerificationToken(token: VerificationToken): Promise<VerificationToken> {
      const item: Attributes = {
        ...toStoredAttributes(layout, token),
        ...layout.verificationTokenKey(token.identifier, token.token),
        type: 'VT',
      }
      await port.put({ TableName, Item: item })
      return toToken(item)
    },

    async useVerificationToken({
      identifier,
      token,
    }: {
      identifier: string
      token: string
    }): Promise<VerificationToken | null> {
      // One DeleteItem returning the old item. The condition makes single use hold on every
      // implementation: without it, DynamoDB Local hands the old item to several concurrent
      // callers; with it, all but one fail the condition.
      let Attributes: Attributes | undefined
      try {
        ;({ Attributes } = await port.delete({
          TableName,
          Key: layout.verificationTokenKey(identifier, token),
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: { '#pk': layout.pk },
          ReturnValues: 'ALL_OLD',
        }))
      } catch (error) {
        if (isConditionalCheckFailed(error)) return null
        throw error
      }
      // An expired token is deleted all the same, but reads as missing: DynamoDB's TTL may not
      // have removed it yet.
      if (!Attributes || isExpired(Attributes.expires)) return null
      return toToken(Attributes)
    },
  }
}
