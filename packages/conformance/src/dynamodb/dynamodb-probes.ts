import type {
  AdapterAccount,
  AdapterAuthenticator,
  AdapterSession,
  AdapterUser,
  VerificationToken,
} from '@auth/core/adapters'
import { type DynamoDBDocumentClient, GetCommand, paginateQuery } from '@aws-sdk/lib-dynamodb'
import type { ConformanceProbes } from '../probes.js'
import { DynamoDBConformanceError } from './dynamodb-conformance-error.js'
import { type EntityMarker, toAuthjsRecord } from './stored-item.js'
import type { AuthjsTableNames } from './table-names.js'

/**
 * Where the probes read: a document client and the table's names. Both are read anew on every
 * probe call, so a {@link DynamoDBBackend} (whose client exists only after `setup()`) can be
 * passed as it is.
 */
export interface ProbeTarget {
  /** A `DynamoDBDocument` or `DynamoDBDocumentClient` from `@aws-sdk/lib-dynamodb`. */
  readonly documentClient: DynamoDBDocumentClient
  /** The table, key and index names. */
  readonly table: AuthjsTableNames
}

type Item = Record<string, unknown>

/**
 * Probes for the Auth.js single-table layout (users, accounts, sessions, verification tokens and
 * authenticators in one table, as `@auth/dynamodb-adapter` 2.x and `@auth-dynamo/adapter` write
 * it), under whatever table, key and index names are configured. Users and verification tokens
 * are read by primary key (strongly consistent); accounts, sessions and authenticators through
 * the index, and each one found must sit at the primary key the layout gives it. Records come
 * back as Auth.js types them, storage attributes removed; expired items are returned, not
 * filtered.
 *
 * @param target - the document client and names, e.g. a {@link DynamoDBBackend}
 * @returns the five probes for `runAdapterConformance`
 * @throws (from a probe) {@link DynamoDBConformanceError} `DYNAMODB_LAYOUT_MISMATCH` when an item
 *   found through the index is at the wrong primary key, or more than one item has the index keys
 *   of a single record; the SDK's own errors (a missing table, say) pass through
 */
export function dynamodbProbes(target: ProbeTarget): Required<ConformanceProbes> {
  const getItem = async (pk: string, sk: string): Promise<Item | undefined> => {
    const { documentClient, table } = target
    const { Item } = await documentClient.send(
      new GetCommand({
        TableName: table.tableName,
        Key: { [table.partitionKey]: pk, [table.sortKey]: sk },
        ConsistentRead: true,
      }),
    )
    return Item
  }

  const queryIndex = async (
    what: string,
    gsiPk: string,
    gsiSk: string,
  ): Promise<Item | undefined> => {
    const { documentClient, table } = target
    const items: Item[] = []
    const pages = paginateQuery(
      { client: documentClient },
      {
        TableName: table.tableName,
        IndexName: table.indexName,
        KeyConditionExpression: '#pk = :pk AND #sk = :sk',
        ExpressionAttributeNames: { '#pk': table.indexPartitionKey, '#sk': table.indexSortKey },
        ExpressionAttributeValues: { ':pk': gsiPk, ':sk': gsiSk },
      },
    )
    for await (const page of pages) items.push(...(page.Items ?? []))
    if (items.length > 1) {
      throw new DynamoDBConformanceError(
        'DYNAMODB_LAYOUT_MISMATCH',
        `${items.length} items of table "${table.tableName}" have ${table.indexPartitionKey} = "${gsiPk}" and ${table.indexSortKey} = "${gsiSk}" in index "${table.indexName}"; the layout keeps one ${what} there`,
      )
    }
    return items[0]
  }

  // An item found through the index must also be at its layout primary key, or the user's
  // partition query (deleteUser, listAuthenticatorsByUserId) and the other adapter miss it.
  const expectAt = (what: string, item: Item, sk: string): void => {
    const { table } = target
    const pk = `USER#${String(item.userId)}`
    if (item[table.partitionKey] !== pk || item[table.sortKey] !== sk) {
      throw new DynamoDBConformanceError(
        'DYNAMODB_LAYOUT_MISMATCH',
        `the ${what} is stored at ${table.partitionKey} = "${String(item[table.partitionKey])}", ${table.sortKey} = "${String(item[table.sortKey])}"; the layout puts it at "${pk}", "${sk}"`,
      )
    }
  }

  const record = <T>(item: Item | undefined, marker: EntityMarker | undefined): T | null =>
    item === undefined ? null : (toAuthjsRecord(item, target.table, marker) as T)

  return {
    async user(id) {
      return record<AdapterUser>(await getItem(`USER#${id}`, `USER#${id}`), 'USER')
    },
    async account({ provider, providerAccountId }) {
      const item = await queryIndex(
        'account',
        `ACCOUNT#${provider}`,
        `ACCOUNT#${providerAccountId}`,
      )
      if (item) expectAt('account', item, `ACCOUNT#${provider}#${providerAccountId}`)
      return record<AdapterAccount>(item, undefined)
    },
    async session(sessionToken) {
      const key = `SESSION#${sessionToken}`
      const item = await queryIndex('session', key, key)
      if (item) expectAt('session', item, key)
      return record<AdapterSession>(item, 'SESSION')
    },
    async verificationToken({ identifier, token }) {
      return record<VerificationToken>(await getItem(`VT#${identifier}`, `VT#${token}`), 'VT')
    },
    async authenticator(credentialID) {
      const key = `AUTHENTICATOR#${credentialID}`
      const item = await queryIndex('authenticator', key, key)
      if (item) expectAt('authenticator', item, key)
      return record<AdapterAuthenticator>(item, 'AUTHENTICATOR')
    },
  }
}
