import type { ResolvedOptions } from './options.js'

/** A primary key, under the configured attribute names. */
export type ItemKey = Record<string, string>

/** The `type` markers that the layout stores on non-account items (accounts keep their own type). */
export type EntityMarker = 'USER' | 'SESSION' | 'VT' | 'AUTHENTICATOR'

/**
 * Where every Auth.js entity lives in the single table (DESIGN.md, "Data model"), under the
 * configured attribute names. The prefixes are the ones `@auth/dynamodb-adapter` writes, so tables
 * move between the two adapters without a migration.
 */
export class TableLayout {
  /** The table name. */
  readonly tableName: string
  /** The global secondary index name. */
  readonly indexName: string
  /** The partition key attribute name. */
  readonly pk: string
  /** The sort key attribute name. */
  readonly sk: string
  /** The index partition key attribute name. */
  readonly gsiPk: string
  /** The index sort key attribute name. */
  readonly gsiSk: string
  /** Attribute names that belong to the storage layer and never reach Auth.js. */
  readonly storageAttributes: ReadonlySet<string>

  /** @param options - validated adapter options. */
  constructor(options: ResolvedOptions) {
    this.tableName = options.tableName
    this.indexName = options.indexName
    this.pk = options.partitionKey
    this.sk = options.sortKey
    this.gsiPk = options.indexPartitionKey
    this.gsiSk = options.indexSortKey
    this.storageAttributes = new Set([this.pk, this.sk, this.gsiPk, this.gsiSk])
  }

  /** Primary key from partition and sort key values. */
  key(pk: string, sk: string): ItemKey {
    return { [this.pk]: pk, [this.sk]: sk }
  }

  /** Index key attributes from partition and sort key values. */
  indexKey(pk: string, sk: string): ItemKey {
    return { [this.gsiPk]: pk, [this.gsiSk]: sk }
  }

  /** Primary key of an item as read back (only the key attributes). */
  keyOf(item: Record<string, unknown>): ItemKey {
    return { [this.pk]: String(item[this.pk]), [this.sk]: String(item[this.sk]) }
  }

  /** Partition of a user and everything the user owns: `USER#<id>`. */
  userPartition(userId: string): string {
    return `USER#${userId}`
  }

  /** Key of a user item: `USER#<id>` / `USER#<id>`. */
  userKey(userId: string): ItemKey {
    return this.key(`USER#${userId}`, `USER#${userId}`)
  }

  /** Index keys of a user item: `USER#<email>` / `USER#<email>`. */
  userEmailIndex(email: string): ItemKey {
    return this.indexKey(`USER#${email}`, `USER#${email}`)
  }

  /** Key of an account item: `USER#<userId>` / `ACCOUNT#<provider>#<providerAccountId>`. */
  accountKey(userId: string, provider: string, providerAccountId: string): ItemKey {
    return this.key(`USER#${userId}`, `ACCOUNT#${provider}#${providerAccountId}`)
  }

  /** Index keys of an account item: `ACCOUNT#<provider>` / `ACCOUNT#<providerAccountId>`. */
  accountIndex(provider: string, providerAccountId: string): ItemKey {
    return this.indexKey(`ACCOUNT#${provider}`, `ACCOUNT#${providerAccountId}`)
  }

  /** Key of a session item: `USER#<userId>` / `SESSION#<sessionToken>`. */
  sessionKey(userId: string, sessionToken: string): ItemKey {
    return this.key(`USER#${userId}`, `SESSION#${sessionToken}`)
  }

  /** Index keys of a session item: `SESSION#<sessionToken>` twice. */
  sessionIndex(sessionToken: string): ItemKey {
    return this.indexKey(`SESSION#${sessionToken}`, `SESSION#${sessionToken}`)
  }

  /** Partition of the verification tokens of an identifier (an email): `VT#<identifier>`. */
  verificationTokenPartition(identifier: string): string {
    return `VT#${identifier}`
  }

  /** Key of a verification token item: `VT#<identifier>` / `VT#<token>`. */
  verificationTokenKey(identifier: string, token: string): ItemKey {
    return this.key(`VT#${identifier}`, `VT#${token}`)
  }

  /** Key of an authenticator item: `USER#<userId>` / `AUTHENTICATOR#<credentialID>`. */
  authenticatorKey(userId: string, credentialID: string): ItemKey {
    return this.key(`USER#${userId}`, `AUTHENTICATOR#${credentialID}`)
  }

  /** Index keys of an authenticator item: `AUTHENTICATOR#<credentialID>` twice. */
  authenticatorIndex(credentialID: string): ItemKey {
    return this.indexKey(`AUTHENTICATOR#${credentialID}`, `AUTHENTICATOR#${credentialID}`)
  }

  /** Sort key prefix of a user's authenticators within the user partition. */
  readonly authenticatorPrefix = 'AUTHENTICATOR#'
}
