import type { AdapterAuthenticator } from '../authjs-types.js'
import { isConditionalCheckFailed, mayHaveRetried } from '../aws-error.js'
import { DynamoDBAdapterError } from '../errors.js'
import { ExpressionBuilder } from '../expression-builder.js'
import { requireObject, requireString } from '../input.js'
import { InvalidInputError } from '../invalid-input-error.js'
import { type Attributes, fromItem, toStoredAttributes } from '../item-codec.js'
import { isSameItem } from '../same-item.js'
import type { AdapterContext } from './adapter-context.js'
import { putNewItem } from './put-new-item.js'
import { queryIndex } from './query-index.js'

/** The four WebAuthn methods: createAuthenticator, getAuthenticator, listAuthenticatorsByUserId, updateAuthenticatorCounter. */
export function authenticatorMethods({ port, layout }: AdapterContext) {
  const TableName = layout.tableName
  const toAuthenticator = (item: Attributes) =>
    fromItem<AdapterAuthenticator>(layout, item, 'AUTHENTICATOR')

  function exists(credentialID: string, cause?: unknown): DynamoDBAdapterError {
    return new DynamoDBAdapterError({
      code: 'AUTHENTICATOR_EXISTS',
      method: 'createAuthenticator',
      tableName: TableName,
      cause,
      message: `an authenticator with credentialID "${credentialID}" is already registered; nothing was written.`,
    })
  }

  function notFound(credentialID: string, cause?: unknown): DynamoDBAdapterError {
    return new DynamoDBAdapterError({
      code: 'AUTHENTICATOR_NOT_FOUND',
      method: 'updateAuthenticatorCounter',
      tableName: TableName,
      cause,
      message: `no authenticator with credentialID "${credentialID}"; nothing was written.`,
    })
  }

  return {
    async createAuthenticator(authenticator: AdapterAuthenticator): Promise<AdapterAuthenticator> {
      requireObject(authenticator, 'authenticator')
      const userId = requireString(authenticator.userId, 'userId')
      const credentialID = requireString(authenticator.credentialID, 'credentialID')
      const key = layout.authenticatorKey(userId, credentialID)
      const index = layout.authenticatorIndex(credentialID)
      // A WebAuthn credential id may be up to 1,023 bytes, base64url-encoded here; the sort key
      // AUTHENTICATOR#<credentialID> holds 1,024 bytes, so about 757 bytes of raw id fit.
      layout.assertFits({ [layout.pk]: key[layout.pk] as string }, 'userId', userId)
      layout.assertFits({ [layout.sk]: key[layout.sk] as string }, 'credentialID', credentialID)
      layout.assertFits(index, 'credentialID', credentialID)
      // WebAuthn requires a credential id to be registered to one user only; the condition on the
      // put covers the same user, this lookup covers every other user.
      if (await queryIndex(port, layout, index)) throw exists(credentialID)
      const item: Attributes = {
        ...toStoredAttributes(layout, authenticator),
        ...key,
        ...index,
        type: 'AUTHENTICATOR',
      }
      const existing = await putNewItem(port, layout, item)
      if (existing) {
        // A put whose response was lost and which the SDK sent again fails its own condition:
        // the stored authenticator is then exactly this one (its public key is unique to it).
        const own =
          mayHaveRetried(existing) &&
          isSameItem((await port.get({ TableName, Key: key, ConsistentRead: true })).Item, item)
        if (!own) throw exists(credentialID, existing)
      }
      return toAuthenticator(item)
    },

    async getAuthenticator(credentialID: string): Promise<AdapterAuthenticator | null> {
      const index = layout.authenticatorIndex(requireString(credentialID, 'credentialID'))
      if (!layout.fits(index)) return null
      const found = await queryIndex(port, layout, index)
      return found ? toAuthenticator(found) : null
    },

    async listAuthenticatorsByUserId(userId: string): Promise<AdapterAuthenticator[]> {
      requireString(userId, 'userId')
      if (!layout.fits({ [layout.pk]: layout.userPartition(userId) })) return []
      const expression = new ExpressionBuilder()
      const partition = `${expression.name(layout.pk)} = ${expression.value(layout.userPartition(userId))}`
      const prefix = `begins_with(${expression.name(layout.sk)}, ${expression.value(layout.authenticatorPrefix)})`
      const authenticators: AdapterAuthenticator[] = []
      const pages = port.queryPages({
        TableName,
        KeyConditionExpression: `${partition} AND ${prefix}`,
        ...expression.attributes(),
      })
      for await (const page of pages) {
        for (const item of page.Items ?? []) authenticators.push(toAuthenticator(item))
      }
      return authenticators
    },

    async updateAuthenticatorCounter(
      credentialID: string,
      newCounter: number,
    ): Promise<AdapterAuthenticator> {
      if (typeof newCounter !== 'number' || !Number.isFinite(newCounter)) {
        throw new InvalidInputError(
          `"newCounter" must be a finite number, got ${JSON.stringify(newCounter)}`,
        )
      }
      const index = layout.authenticatorIndex(requireString(credentialID, 'credentialID'))
      const found = layout.fits(index) ? await queryIndex(port, layout, index) : undefined
      if (!found) throw notFound(credentialID)
      const expression = new ExpressionBuilder()
      try {
        const { Attributes } = await port.update({
          TableName,
          Key: layout.keyOf(found),
          UpdateExpression: expression.update({ counter: newCounter }),
          ConditionExpression: `attribute_exists(${expression.name(layout.pk)})`,
          ...expression.attributes(),
          ReturnValues: 'ALL_NEW',
        })
        return toAuthenticator(Attributes ?? {})
      } catch (error) {
        if (isConditionalCheckFailed(error)) throw notFound(credentialID, error)
        throw error
      }
    },
  }
}
