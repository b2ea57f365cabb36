import type { AdapterUser } from '../authjs-types.js'
import { isConditionalCheckFailed, mayHaveRetried } from '../aws-error.js'
import { DynamoDBAdapterError } from '../errors.js'
import { ExpressionBuilder } from '../expression-builder.js'
import { optionalEmail, requireObject, requireString } from '../input.js'
import { type Attributes, fromItem, toStoredAttributes } from '../item-codec.js'
import { isSameItem } from '../same-item.js'
import type { AdapterContext } from './adapter-context.js'
import { type ClaimSubject, claimKey, deleteClaim, inspectClaim, putClaim } from './claims.js'
import { putNewItem } from './put-new-item.js'
import { queryIndex } from './query-index.js'
import { type TransactItem, transactWrite } from './transact-write.js'

/** Attributes of the Auth.js user object that `updateUser` never writes. */
const immutableUserFields = new Set(['id', 'type'])

const conditionFailed = 'ConditionalCheckFailed'

// A claim can fail again after a stale claim was taken over (another caller took it first); a few
// rounds settle any real race, more would mean something else is wrong.
const maxClaimRounds = 4

/** createUser, getUser, getUserByEmail, getUserByAccount and updateUser. */
export function userMethods({ port, layout, retry }: AdapterContext) {
  const TableName = layout.tableName
  const toUser = (item: Attributes) => fromItem<AdapterUser>(layout, item, 'USER')

  function emailTaken(method: string, email: string, owner: string, cause: unknown) {
    return new DynamoDBAdapterError({
      code: 'EMAIL_TAKEN',
      method,
      tableName: TableName,
      cause,
      message: `the email "${email}" belongs to another user ("${owner}"); nothing was written. Emails are unique: this happens when two sign-ins for one new person race (the other one made the user) or when updateUser moves a user to a taken email.`,
    })
  }

  function userExists(id: string, cause: unknown) {
    return new DynamoDBAdapterError({
      code: 'USER_EXISTS',
      method: 'createUser',
      tableName: TableName,
      cause,
      message: `a user with id "${id}" already exists; nothing was written.`,
    })
  }

  /** Whether the stored user is the one this call wrote (a retried write whose response was lost). */
  async function isOwnUser(id: string, written: Attributes): Promise<boolean> {
    const { Item } = await port.get({ TableName, Key: layout.userKey(id), ConsistentRead: true })
    return isSameItem(Item, written)
  }

  async function createWithEmail(id: string, email: string, item: Attributes) {
    const subject: ClaimSubject = { kind: 'email', email }
    let staleOwner: string | undefined
    for (let round = 1; ; round++) {
      const outcome = await transactWrite(
        port,
        [
          { Put: { TableName, Item: item, ...notExists() } },
          putClaim(layout, subject, id, staleOwner),
        ],
        retry,
      )
      if (outcome.written) return
      const [userReason, claimReason] = outcome.reasons
      if (userReason === conditionFailed) {
        if (await isOwnUser(id, item)) return
        throw userExists(id, outcome.error)
      }
      if (claimReason !== conditionFailed) throw outcome.error
      const holder = await inspectClaim(port, layout, subject)
      if (round >= maxClaimRounds)
        throw emailTaken('createUser', email, holder.owner ?? '?', outcome.error)
      if (holder.owner === undefined) continue
      if (!holder.stale) throw emailTaken('createUser', email, holder.owner, outcome.error)
      staleOwner = holder.owner
    }
  }

  function notExists() {
    const expression = new ExpressionBuilder()
    return {
      ConditionExpression: `attribute_not_exists(${expression.name(layout.pk)})`,
      ...expression.attributes(),
    }
  }

  function userNotFound(id: string, cause?: unknown): DynamoDBAdapterError {
    return new DynamoDBAdapterError({
      code: 'USER_NOT_FOUND',
      method: 'updateUser',
      tableName: TableName,
      cause,
      message: `no user with id "${id}"; nothing was written. Create the user with createUser first.`,
    })
  }

  /**
   * An update that changes the email: the new email is claimed and the old one released in the
   * same transaction as the user item, on the condition that the email is still the one read.
   * TransactWriteItems returns no item, so the result is the read item with the changes applied.
   */
  async function updateEmail(
    id: string,
    fields: Attributes,
    remove: readonly string[],
    newEmail: string | undefined,
  ): Promise<AdapterUser> {
    let staleOwner: string | undefined
    let releaseOldClaim = true
    for (let round = 1; ; round++) {
      const { Item: current } = await port.get({
        TableName,
        Key: layout.userKey(id),
        ConsistentRead: true,
      })
      if (!current) throw userNotFound(id)
      const oldEmail = optionalEmail(current.email)
      const expression = new ExpressionBuilder()
      const emailName = expression.name('email')
      const sameEmail =
        current.email === undefined
          ? `attribute_not_exists(${emailName})`
          : `${emailName} = ${expression.value(current.email)}`
      const items: TransactItem[] = [
        {
          Update: {
            TableName,
            Key: layout.userKey(id),
            UpdateExpression: expression.update(fields, remove),
            ConditionExpression: `attribute_exists(${expression.name(layout.pk)}) AND ${sameEmail}`,
            ...expression.attributes(),
          },
        },
      ]
      const claimed: ClaimSubject | undefined =
        newEmail !== undefined && newEmail !== oldEmail
          ? { kind: 'email', email: newEmail }
          : undefined
      const claimIndex = claimed ? items.push(putClaim(layout, claimed, id, staleOwner)) - 1 : -1
      const released: ClaimSubject | undefined =
        releaseOldClaim && oldEmail !== undefined && oldEmail !== newEmail
          ? { kind: 'email', email: oldEmail }
          : undefined
      const releaseIndex = released ? items.push(deleteClaim(layout, released, id)) - 1 : -1
      const outcome = await transactWrite(port, items, retry)
      if (outcome.written) {
        const updated: Attributes = { ...current, ...fields }
        for (const attribute of remove) delete updated[attribute]
        return toUser(updated)
      }
      if (round >= maxClaimRounds) throw outcome.error
      const failed = (index: number) => index >= 0 && outcome.reasons[index] === conditionFailed
      // The user changed between the read and the write (deleted, or another email): read again.
      if (failed(0)) continue
      if (claimed && failed(claimIndex)) {
        const holder = await inspectClaim(port, layout, claimed)
        if (holder.owner !== undefined && !holder.stale) {
          throw emailTaken('updateUser', claimed.email, holder.owner, outcome.error)
        }
        staleOwner = holder.owner
      }
      // The old email's claim is another user's (two users shared the email before claims
      // existed): it stays theirs, and the update goes ahead without releasing it.
      if (failed(releaseIndex)) releaseOldClaim = false
    }
  }

  return {
    async createUser(user: AdapterUser): Promise<AdapterUser> {
      requireObject(user, 'user')
      // Auth.js core hands in an id; next-auth v4 does not.
      const id =
        user.id === undefined || user.id === '' ? crypto.randomUUID() : requireString(user.id, 'id')
      const email = optionalEmail(user.email)
      const userKey = layout.userKey(id)
      layout.assertFits(userKey, 'id', id)
      const item: Attributes = {
        ...toStoredAttributes(layout, { ...user, id }),
        ...userKey,
        type: 'USER',
      }
      if (email === undefined) {
        // No email to claim: one conditional PutItem.
        const existing = await putNewItem(port, layout, item)
        if (existing && !(mayHaveRetried(existing) && (await isOwnUser(id, item)))) {
          throw userExists(id, existing)
        }
        return toUser(item)
      }
      const emailIndex = layout.userEmailIndex(email)
      layout.assertFits(emailIndex, 'email', email)
      layout.assertFits(claimKey(layout, { kind: 'email', email }), 'email', email)
      Object.assign(item, emailIndex)
      await createWithEmail(id, email, item)
      return toUser(item)
    },

    async getUser(id: string): Promise<AdapterUser | null> {
      const Key = layout.userKey(requireString(id, 'id'))
      if (!layout.fits(Key)) return null
      const { Item } = await port.get({ TableName, Key })
      return Item ? toUser(Item) : null
    },

    async getUserByEmail(email: string): Promise<AdapterUser | null> {
      const indexKey = layout.userEmailIndex(requireString(email, 'email'))
      if (!layout.fits(indexKey)) return null
      const item = await queryIndex(port, layout, indexKey)
      return item ? toUser(item) : null
    },

    async getUserByAccount(account: {
      provider: string
      providerAccountId: string
    }): Promise<AdapterUser | null> {
      requireObject(account, 'account')
      const indexKey = layout.accountIndex(
        requireString(account.provider, 'provider'),
        requireString(account.providerAccountId, 'providerAccountId'),
      )
      if (!layout.fits(indexKey)) return null
      const found = await queryIndex(port, layout, indexKey)
      if (!found) return null
      const userPartition = String(found[layout.pk])
      const { Item } = await port.get({ TableName, Key: layout.key(userPartition, userPartition) })
      return Item ? toUser(Item) : null
    },

    async updateUser(user: Partial<AdapterUser> & Pick<AdapterUser, 'id'>): Promise<AdapterUser> {
      requireObject(user, 'user')
      const id = requireString(user.id, 'id')
      if (!layout.fits(layout.userKey(id))) throw userNotFound(id)
      const fields = Object.fromEntries(
        Object.entries(toStoredAttributes(layout, user)).filter(
          ([key]) => !immutableUserFields.has(key),
        ),
      )
      const remove: string[] = []
      if ('email' in fields) {
        const email = optionalEmail(fields.email)
        if (email !== undefined) {
          const emailIndex = layout.userEmailIndex(email)
          layout.assertFits(emailIndex, 'email', email)
          layout.assertFits(claimKey(layout, { kind: 'email', email }), 'email', email)
          Object.assign(fields, emailIndex)
        }
        // An index key cannot be null: without an email the user simply leaves the index.
        else remove.push(layout.gsiPk, layout.gsiSk)
        return await updateEmail(id, fields, remove, email)
      }
      const expression = new ExpressionBuilder()
      const updateExpression = expression.update(fields, remove)
      if (updateExpression === '') {
        const { Item } = await port.get({ TableName, Key: layout.userKey(id) })
        if (Item) return toUser(Item)
        throw userNotFound(id)
      }
      try {
        const { Attributes } = await port.update({
          TableName,
          Key: layout.userKey(id),
          UpdateExpression: updateExpression,
          ConditionExpression: `attribute_exists(${expression.name(layout.pk)})`,
          ...expression.attributes(),
          ReturnValues: 'ALL_NEW',
        })
        return toUser(Attributes ?? {})
      } catch (error) {
        // The condition only checks existence, so a retried update that landed passes it: a
        // failure here always means there is no such user.
        if (isConditionalCheckFailed(error)) throw userNotFound(id, error)
        throw error
      }
    },
  }
}
