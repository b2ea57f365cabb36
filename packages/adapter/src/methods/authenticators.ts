import type { AdapterAuthenticator } from '@auth/core/adapters'
import { isConditionalCheckFailed } from '../aws-error.js'
import { DynamoDBAdapterError } from '../errors.js'
import { ExpressionBuilder } from '../expression-builder.js'
import { InvalidInputError } from '../invalid-input-error.js'
import { type Attributes, fromItem, toStoredAttributes } from '../item-codec.js'
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
      const { userId, credentialID } = authenticator
      // WebAuthn requires a credential id to be registered to one user only; the condition on the
      // put covers the same user, this lookup covers every other user.
      if (await queryIndex(port, layout, layout.authenticatorIndex(credentialID))) {
        throw exists(credentialID)
      }
      const item: Attributes = {
        ...toStoredAttributes(layout, authenticator),
        ...layout.authenticatorKey(userId, credentialID),
        ...layout.authenticatorIndex(credentialID),
        type: 'AUTHENTICATOR',
      }
      const existing = await putNewItem(port, layout, item)
      if (existing) throw exists(credentialID, existing)
      return toAuthenticator(item)
    },

    async getAuthenticator(credentialID: string): Promise<AdapterAuthenticator | null> {
      const found = await queryIndex(port, layout, layout.authenticatorIndex(credentialID))
      return found ? toAuthenticator(found) : null
    },

    async listAuthenticatorsByUserId(userId: string): Promise<AdapterAuthenticator[]> {
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
      const found = await queryIndex(port, layout, layout.authenticatorIndex(credentialID))
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
