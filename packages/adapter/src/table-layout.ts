import { assertKeyFits, type KeyRole, keySizeLimits, utf8Bytes } from './key-size.js'
import type { ResolvedOptions } from './options.js'

/** A primary key, under the configured attribute names. */
export type ItemKey = Record<string, string>

/** The `type` markers that the layout stores on non-account items (accounts keep their own type). */
export type EntityMarker = 'USER' | 'SESSION' | 'VT' | 'AUTHENTICATOR'

/** The `type` markers of uniqueness claims: one item per email, one per provider account. */
export type ClaimMarker = 'UNIQUE_EMAIL' | 'UNIQUE_ACCOUNT'

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
    this.#roles = new Map<string, KeyRole>([
      [
        this.pk,
        { attribute: this.pk, description: 'partition key', limit: keySizeLimits.partitionKey },
      ],
      [this.sk, { attribute: this.sk, description: 'sort key', limit: keySizeLimits.sortKey }],
      [
        this.gsiPk,
        {
          attribute: this.gsiPk,
          description: 'index partition key',
          limit: keySizeLimits.partitionKey,
        },
      ],
      [
        this.gsiSk,
        { attribute: this.gsiSk, description: 'index sort key', limit: keySizeLimits.sortKey },
      ],
    ])
  }

  readonly #roles: ReadonlyMap<string, KeyRole>

  /**
   * Whether every value of `key` is within DynamoDB's key size limits. A lookup by a key that does
   * not fit finds nothing (nothing can be stored under it), so readers answer "missing" without a
   * request that DynamoDB would reject.
   */
  fits(key: ItemKey): boolean {
    return Object.entries(key).every(([attribute, value]) => {
      const role = this.#roles.get(attribute)
      return role === undefined || utf8Bytes(value) <= role.limit
    })
  }

  /**
   * Checks the key values of `key`, all built from one field, before a write.
   *
   * @throws InvalidInputError naming the field and the limit it breaks.
   */
  assertFits(key: ItemKey, field: string, fieldValue: string): void {
    for (const [attribute, value] of Object.entries(key)) {
      const role = this.#roles.get(attribute)
      if (role !== undefined) assertKeyFits(role, value, field, fieldValue)
    }
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

  /** Sort key prefix of a user's accounts within the user partition. */
  readonly accountPrefix = 'ACCOUNT#'

  /**
   * Key of the claim on an email: `UNIQUE#EMAIL#<email>` / `UNIQUE#EMAIL`. A partition of its own,
   * without index keys, so neither `@auth/dynamodb-adapter` nor a lookup by email ever sees it.
   */
  emailClaimKey(email: string): ItemKey {
    return this.key(`UNIQUE#EMAIL#${email}`, 'UNIQUE#EMAIL')
  }

  /**
   * Key of the claim on a provider account: `UNIQUE#ACCOUNT#<provider>#<providerAccountId>` /
   * `UNIQUE#ACCOUNT`. Unambiguous because a provider id never contains `#` (linkAccount refuses one).
   */
  accountClaimKey(provider: string, providerAccountId: string): ItemKey {
    return this.key(`UNIQUE#ACCOUNT#${provider}#${providerAccountId}`, 'UNIQUE#ACCOUNT')
  }
}
