import type {
  AdapterAccount,
  AdapterAuthenticator,
  AdapterSession,
  AdapterUser,
  VerificationToken,
} from './authjs-types.js'

/** Provider and account id, which together identify an account. */
export type AccountIdentifier = Pick<AdapterAccount, 'provider' | 'providerAccountId'>

/**
 * What {@link DynamoDBAdapter} returns: an Auth.js `Adapter` with all 19 methods present and
 * precise return types (every method returns a Promise). Every method may reject with a
 * `DynamoDBAdapterError` (`TABLE_NOT_FOUND`, `INDEX_NOT_FOUND`, `KEY_SCHEMA_MISMATCH`,
 * `DYNAMODB_ERROR`...); the codes specific to a method are listed on it.
 */
export interface DynamoDBAdapterInstance {
  /**
   * Stores a new user and claims its email, in one TransactWriteItems (one PutItem without an
   * email). Keeps the `id` Auth.js passes, or makes a UUID when there is none (next-auth v4).
   * `undefined` fields are skipped, `null` ones stored. A retried write whose first response was
   * lost is recognised as this call's own.
   * @throws `DynamoDBAdapterError` `USER_EXISTS` when a user with that id exists, `EMAIL_TAKEN`
   *   when another user has the email (two sign-ins racing to create one person), and
   *   `INVALID_ARGUMENT` for an id or email that is not a string or is over DynamoDB's key size
   *   limits; nothing is written then.
   */
  createUser(user: AdapterUser): Promise<AdapterUser>
  /** The user with this id, or `null` (one GetItem). */
  getUser(id: string): Promise<AdapterUser | null>
  /** The user with this email, or `null` (one Query on the index). */
  getUserByEmail(email: string): Promise<AdapterUser | null>
  /** The user who linked this account, or `null` (a Query on the index and a GetItem). */
  getUserByAccount(account: AccountIdentifier): Promise<AdapterUser | null>
  /**
   * Changes the given fields of a user and returns the whole user (one conditional UpdateItem).
   * A new email is a GetItem and one TransactWriteItems that moves the index keys and the email
   * claim. `undefined` fields are skipped, `null` ones stored as null; `id` is never changed.
   * @throws `DynamoDBAdapterError` `USER_NOT_FOUND` when there is no such user, `EMAIL_TAKEN` when
   *   another user has the new email (nothing is written either way).
   */
  updateUser(user: Partial<AdapterUser> & Pick<AdapterUser, 'id'>): Promise<AdapterUser>
  /**
   * Deletes the user with its accounts, sessions, authenticators and the verification tokens of
   * its email, paging through any number of items; returns the deleted user, or `null` when there
   * was none. The user item is deleted last, so a failed call can simply be repeated.
   * @throws `DynamoDBAdapterError` `UNPROCESSED_ITEMS` when DynamoDB keeps throttling; it lists the keys left.
   */
  deleteUser(userId: string): Promise<AdapterUser | null>
  /**
   * Stores an account of a user and claims the provider account, in one TransactWriteItems;
   * linking the same account to the same user again overwrites it.
   * @throws `DynamoDBAdapterError` `ACCOUNT_TAKEN` when the provider account is linked to another
   *   user, `INVALID_ARGUMENT` for a provider id with `#` or ids over DynamoDB's key size limits.
   */
  linkAccount(account: AdapterAccount): Promise<AdapterAccount>
  /**
   * Deletes an account and its claim and returns it, or `undefined` when there was none (a Query
   * and a TransactWriteItems).
   */
  unlinkAccount(account: AccountIdentifier): Promise<AdapterAccount | undefined>
  /** The account, or `null` (one Query on the index). Note the argument order: account id first. */
  getAccount(providerAccountId: string, provider: string): Promise<AdapterAccount | null>
  /**
   * Stores a session (one PutItem); `expires` is stored as epoch seconds with the milliseconds as
   * a fraction, and reads back exactly.
   * @throws `DynamoDBAdapterError` `INVALID_ARGUMENT` when `expires` is not a valid Date.
   */
  createSession(session: {
    sessionToken: string
    userId: string
    expires: Date
  }): Promise<AdapterSession>
  /**
   * The session and its user, or `null` when either is missing or the session has expired
   * (a Query on the index and a GetItem).
   */
  getSessionAndUser(
    sessionToken: string,
  ): Promise<{ session: AdapterSession; user: AdapterUser } | null>
  /**
   * Changes the given fields of a live session and returns it, or `null` when it is missing or
   * expired (a Query on the index and a conditional UpdateItem).
   * @throws `DynamoDBAdapterError` `INVALID_ARGUMENT` when asked to move the session to another user.
   */
  updateSession(
    session: Partial<AdapterSession> & Pick<AdapterSession, 'sessionToken'>,
  ): Promise<AdapterSession | null>
  /** Deletes a session and returns it, or `null` when there was none (a Query and a DeleteItem). */
  deleteSession(sessionToken: string): Promise<AdapterSession | null>
  /**
   * Stores a verification token (one PutItem); `expires` as epoch seconds with the milliseconds
   * as a fraction.
   * @throws `DynamoDBAdapterError` `INVALID_ARGUMENT` when `expires` is not a valid Date.
   */
  createVerificationToken(token: VerificationToken): Promise<VerificationToken>
  /**
   * Consumes the token and returns it, once: of concurrent calls only one gets it, and a call
   * whose response was lost and retried still gets it (a conditional UpdateItem that marks it
   * with the call's id and returns it, then a DeleteItem). `null` when it is missing or has
   * expired (an expired token is deleted all the same).
   */
  useVerificationToken(params: {
    identifier: string
    token: string
  }): Promise<VerificationToken | null>
  /**
   * Stores a WebAuthn authenticator (a Query on the index and a conditional PutItem).
   * @throws `DynamoDBAdapterError` `AUTHENTICATOR_EXISTS` when the credential id is registered already, to any user.
   */
  createAuthenticator(authenticator: AdapterAuthenticator): Promise<AdapterAuthenticator>
  /** The authenticator with this credential id, or `null` (one Query on the index). */
  getAuthenticator(credentialID: string): Promise<AdapterAuthenticator | null>
  /** Every authenticator of the user, `[]` when none (a Query, paged). */
  listAuthenticatorsByUserId(userId: string): Promise<AdapterAuthenticator[]>
  /**
   * Stores the new signature counter and returns the authenticator (a Query on the index and a
   * conditional UpdateItem).
   * @throws `DynamoDBAdapterError` `AUTHENTICATOR_NOT_FOUND` for an unknown credential id,
   *   `INVALID_ARGUMENT` for a counter that is not a finite number.
   */
  updateAuthenticatorCounter(
    credentialID: string,
    newCounter: number,
  ): Promise<AdapterAuthenticator>
}

/** The names of the 19 Auth.js adapter methods this adapter implements. */
export type DynamoDBAdapterMethod =
  | 'createUser'
  | 'getUser'
  | 'getUserByEmail'
  | 'getUserByAccount'
  | 'updateUser'
  | 'deleteUser'
  | 'linkAccount'
  | 'unlinkAccount'
  | 'getAccount'
  | 'createSession'
  | 'getSessionAndUser'
  | 'updateSession'
  | 'deleteSession'
  | 'createVerificationToken'
  | 'useVerificationToken'
  | 'createAuthenticator'
  | 'getAuthenticator'
  | 'listAuthenticatorsByUserId'
  | 'updateAuthenticatorCounter'
