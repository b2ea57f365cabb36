import type { AdapterSession, AdapterUser } from '@auth/core/adapters'
import { isConditionalCheckFailed } from '../aws-error.js'
import { isExpired } from '../epoch-seconds.js'
import { ExpressionBuilder } from '../expression-builder.js'
import { InvalidInputError } from '../invalid-input-error.js'
import { type Attributes, fromItem, toStoredAttributes } from '../item-codec.js'
import type { AdapterContext } from './adapter-context.js'
import { queryIndex } from './query-index.js'

/** createSession, getSessionAndUser, updateSession and deleteSession. */
export function sessionMethods({ port, layout }: AdapterContext) {
  const TableName = layout.tableName
  const toSession = (item: Attributes) => fromItem<AdapterSession>(layout, item, 'SESSION')

  // DynamoDB's TTL deletes expired items only "within a few days", so expiry is checked on read.
  async function findLiveSession(sessionToken: string): Promise<Attributes | undefined> {
    const found = await queryIndex(port, layout, layout.sessionIndex(sessionToken))
    return found && !isExpired(found.expires) ? found : undefined
  }

  return {
    async createSession(session: {
      sessionToken: string
      userId: string
      expires: Date
    }): Promise<AdapterSession> {
      const item: Attributes = {
        ...toStoredAttributes(layout, session),
        ...layout.sessionKey(session.userId, session.sessionToken),
        ...layout.sessionIndex(session.sessionToken),
        type: 'SESSION',
      }
      await port.put({ TableName, Item: item })
      return toSession(item)
    },

    async getSessionAndUser(
      sessionToken: string,
    ): Promise<{ session: AdapterSession; user: AdapterUser } | null> {
      const found = await findLiveSession(sessionToken)
      if (!found) return null
      const userPartition = String(found[layout.pk])
      const { Item } = await port.get({ TableName, Key: layout.key(userPartition, userPartition) })
      if (!Item) return null
      return { session: toSession(found), user: fromItem<AdapterUser>(layout, Item, 'USER') }
    },

    async updateSession(
      session: Partial<AdapterSession> & Pick<AdapterSession, 'sessionToken'>,
    ): Promise<AdapterSession | null> {
      const found = await findLiveSession(session.sessionToken)
      if (!found) return null
      const { sessionToken: _token, userId, ...changes } = session
      if (userId !== undefined && userId !== found.userId) {
        throw new InvalidInputError(
          `a session cannot move to another user (stored userId "${String(found.userId)}", given "${userId}"); create a new session instead.`,
        )
      }
      const { type: _marker, ...fields } = toStoredAttributes(layout, changes)
      const expression = new ExpressionBuilder()
      const updateExpression = expression.update(fields)
      if (updateExpression === '') return toSession(found)
      try {
        const { Attributes } = await port.update({
          TableName,
          Key: layout.keyOf(found),
          UpdateExpression: updateExpression,
          ConditionExpression: `attribute_exists(${expression.name(layout.pk)})`,
          ...expression.attributes(),
          ReturnValues: 'ALL_NEW',
        })
        return toSession(Attributes ?? {})
      } catch (error) {
        // Deleted between the lookup and the update (sign-out in another tab): it is missing now.
        if (isConditionalCheckFailed(error)) return null
        throw error
      }
    },

    async deleteSession(sessionToken: string): Promise<AdapterSession | null> {
      const found = await queryIndex(port, layout, layout.sessionIndex(sessionToken))
      if (!found) return null
      const { Attributes } = await port.delete({
        TableName,
        Key: layout.keyOf(found),
        ReturnValues: 'ALL_OLD',
      })
      return Attributes ? toSession(Attributes) : null
    },
  }
}
