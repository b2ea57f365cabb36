/**
 * Stable codes for every error the harness throws, so callers can branch on `error.code`
 * instead of parsing messages.
 */
export type EmulatorErrorCode =
  | 'INVALID_OPTIONS'
  | 'INVALID_STATE'
  | 'PORT_IN_USE'
  | 'LISTEN_FAILED'
  | 'TABLE_SETUP_FAILED'
  | 'INVALID_CLOCK_INPUT'
  | 'ADMIN_REQUEST_FAILED'
  | 'PERSIST_LOCKED'
  | 'TABLE_NOT_FOUND'

/**
 * The one error class of `@auth-dynamo/harness`. The message says what went wrong and how to
 * fix it; `code` is stable across releases.
 */
export class EmulatorError extends Error {
  /** A stable, machine-readable code. */
  readonly code: EmulatorErrorCode

  constructor(code: EmulatorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'EmulatorError'
    this.code = code
  }
}
