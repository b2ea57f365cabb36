import type { AdapterSession, AdapterUser } from '../authjs-types.js'
import { isConditionalCheckFailed } from '../aws-error.js'
import { isExpired } from '../epoch-seconds.js'
import { ExpressionBuilder } from '../expression-builder.js'
import { requireDate, requireObject, requireString } from '../input.js'
import { InvalidInputError } from '../invalid-input-error.js'
import { type Attributes, fromItem, toStoredAttributes } from '../item-codec.js'
import type { AdapterContext } from './adapter-context.js'
import { queryIndex } from './query-index.js'

/** createSession, getSessionAndUser, updateSession and deleteSession. */
export function sessionMethods({ port, layout }: AdapterContext) {
  const TableName = layout.tableName
  const toSession = (item: Attributes) => fromItem<AdapterSession>(layout, item, 'SESSION')

  /** The session with this token, live or expired; `undefined` when none can be stored under it. */
  async function findSession(sessionToken: string): Promise<Attributes | undefined> {
    const indexKey = layout.sessionIndex(requireString(sessionToken, 'sessionToken'))
    return layout.fits(indexKey) ? await queryIndex(port, layout, indexKey) : undefined
  }

  // DynamoDB's TTL deletes expired items only "within a few days", so expiry is checked on read.
  async function findLiveSession(sessionToken: string): Promise<Attributes | undefined> {
    const found = await findSession(sessionToken)
    return found && !isExpired(found.expires) ? found : undefined
  }

  return {
    async createSession(session: {
      sessionToken: string
      userId: string
      expires: Date
    }): Promise<AdapterSession> {
      requireObject(session, 'session')
      const sessionToken = requireString(session.sessionToken, 'sessionToken')
      const userId = requireString(session.userId, 'userId')
      requireDate(session.expires, 'expires')
      const key = layout.sessionKey(userId, sessionToken)
      layout.assertFits({ [layout.pk]: key[layout.pk] as string }, 'userId', userId)
      layout.assertFits({ [layout.sk]: key[layout.sk] as string }, 'sessionToken', sessionToken)
      const item: Attributes = {
        ...toStoredAttributes(layout, session),
        ...key,
        ...layout.sessionIndex(sessionToken),
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
      requireObject(session, 'session')
      if (session.expires !== undefined) requireDate(session.expires, 'expires')
      const found = await findLiveSession(session.sessionToken)
      if (!found) return null
      const { sessionToken: _token, userId, ...changes } = session
      if (userId !== undefined && userId !== found.userId) {
        throw new InvalidInputError(
          `a session cannot move to another user (stored userId "${String(found.userId)}", given "${String(userId)}"); create a new session instead.`,
        )
      }
      const { type: _marker, ...fields } = toStoredAttributes(layout, changes)
      const expression = new ExpressionBuilder()
      const updateExpression = expression.update(fields)
      if (updateExpression === '') return toSession(found)
      try {
        // Only the existence is a condition, so a retried update whose first response was lost
        // passes it again and returns the same session.
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
      const found = await findSession(sessionToken)
      if (!found) return null
      const { Attributes } = await port.delete({
        TableName,
        Key: layout.keyOf(found),
        ReturnValues: 'ALL_OLD',
      })
      // No old item: a concurrent sign-out, or this call's own delete whose response was lost and
      // which the SDK sent again. Either way the session found was there and is gone now.
      return toSession(Attributes ?? found)
    },
  }
}
