/**
 * Stable codes of {@link MemoryAdapterError}.
 *
 * - `MEMORY_USER_NOT_FOUND`: updateUser of a user that does not exist.
 * - `MEMORY_USER_EXISTS`: createUser with an id that is taken.
 * - `MEMORY_EMAIL_TAKEN`: createUser or updateUser with another user's email.
 * - `MEMORY_AUTHENTICATOR_NOT_FOUND`: updateAuthenticatorCounter of an unknown credential.
 * - `MEMORY_AUTHENTICATOR_EXISTS`: createAuthenticator with a credential id that is taken.
 */
export type MemoryAdapterErrorCode =
  | 'MEMORY_USER_NOT_FOUND'
  | 'MEMORY_USER_EXISTS'
  | 'MEMORY_EMAIL_TAKEN'
  | 'MEMORY_AUTHENTICATOR_NOT_FOUND'
  | 'MEMORY_AUTHENTICATOR_EXISTS'

/** An error of the in-memory reference adapter; the message names the method and the record. */
export class MemoryAdapterError extends Error {
  /** A stable identifier of the cause. */
  readonly code: MemoryAdapterErrorCode

  /**
   * @param code - the stable cause
   * @param message - the method, the record and what to do
   */
  constructor(code: MemoryAdapterErrorCode, message: string) {
    super(message)
    this.name = 'MemoryAdapterError'
    this.code = code
  }
}
