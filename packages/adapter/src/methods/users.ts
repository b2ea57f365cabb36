import type { AdapterUser } from '@auth/core/adapters'
import { isConditionalCheckFailed } from '../aws-error.js'
import { DynamoDBAdapterError } from '../errors.js'
import { ExpressionBuilder } from '../expression-builder.js'
import { InvalidInputError } from '../invalid-input-error.js'
import { type Attributes, fromItem, toStoredAttributes } from '../item-codec.js'
import type { AdapterContext } from './adapter-context.js'
import { putNewItem } from './put-new-item.js'
import { queryIndex } from './query-index.js'

/** Attributes of the Auth.js user object that `updateUser` never writes. */
const immutableUserFields = new Set(['id', 'type'])

function requireId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new InvalidInputError(
      `"${field}" must be a non-empty string, got ${JSON.stringify(value)}`,
    )
  }
  return value
}

/** createUser, getUser, getUserByEmail, getUserByAccount and updateUser. */
export function userMethods({ port, layout }: AdapterContext) {
  const TableName = layout.tableName
  const toUser = (item: Attributes) => fromItem<AdapterUser>(layout, item, 'USER')

  return {
    async createUser(user: AdapterUser): Promise<AdapterUser> {
      // Auth.js core hands in an id; next-auth v4 does not.
      const id = typeof user.id === 'string' && user.id !== '' ? user.id : crypto.randomUUID()
      const email = user.email
      const item: Attributes = {
        ...toStoredAttributes(layout, { ...user, id }),
        ...layout.userKey(id),
        ...(typeof email === 'string' && email !== '' ? layout.userEmailIndex(email) : {}),
        type: 'USER',
      }
      const existing = await putNewItem(port, layout, item)
      if (existing) {
        throw new DynamoDBAdapterError({
          code: 'USER_EXISTS',
          method: 'createUser',
          tableName: TableName,
          cause: existing,
          message: `a user with id "${id}" already exists; nothing was written.`,
        })
      }
      return toUser(item)
    },

    async getUser(id: string): Promise<AdapterUser | null> {
      const { Item } = await port.get({ TableName, Key: layout.userKey(id) })
      return Item ? toUser(Item) : null
    },

    async getUserByEmail(email: string): Promise<AdapterUser | null> {
      const item = await queryIndex(port, layout, layout.userEmailIndex(email))
      return item ? toUser(item) : null
    },

    async getUserByAccount({
      provider,
      providerAccountId,
    }: {
      provider: string
      providerAccountId: string
    }): Promise<AdapterUser | null> {
      const account = await queryIndex(
        port,
        layout,
        layout.accountIndex(provider, providerAccountId),
      )
      if (!account) return null
      const userPartition = String(account[layout.pk])
      const { Item } = await port.get({ TableName, Key: layout.key(userPartition, userPartition) })
      return Item ? toUser(Item) : null
    },

    async updateUser(user: Partial<AdapterUser> & Pick<AdapterUser, 'id'>): Promise<AdapterUser> {
      const id = requireId(user.id, 'id')
      const fields = Object.fromEntries(
        Object.entries(toStoredAttributes(layout, user)).filter(
          ([key]) => !immutableUserFields.has(key),
        ),
      )
      const remove: string[] = []
      if ('email' in fields) {
        const email = fields.email
        if (typeof email === 'string' && email !== '')
          Object.assign(fields, layout.userEmailIndex(email))
        // An index key cannot be null: without an email the user simply leaves the index.
        else remove.push(layout.gsiPk, layout.gsiSk)
      }
      const expression = new ExpressionBuilder()
      const updateExpression = expression.update(fields, remove)
      if (updateExpression === '') {
        const { Item } = await port.get({ TableName, Key: layout.userKey(id) })
        if (Item) return toUser(Item)
        throw userNotFound(id, TableName)
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
        if (isConditionalCheckFailed(error)) throw userNotFound(id, TableName, error)
        throw error
      }
    },
  }
}

function userNotFound(id: string, tableName: string, cause?: unknown): DynamoDBAdapterError {
  return new DynamoDBAdapterError({
    code: 'USER_NOT_FOUND',
    method: 'updateUser',
    tableName,
    cause,
    message: `no user with id "${id}"; nothing was written. Create the user with createUser first.`,
  })
}
