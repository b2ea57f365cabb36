/**
 * Stable codes of {@link CliError}.
 *
 * - `UNKNOWN_FLAG`: a flag the CLI does not know.
 * - `INVALID_ARGUMENT`: a flag or environment variable with a value the CLI cannot use.
 * - `UNEXPECTED_ARGUMENT`: a positional argument (the CLI takes none).
 */
export type CliErrorCode = 'UNKNOWN_FLAG' | 'INVALID_ARGUMENT' | 'UNEXPECTED_ARGUMENT'

/**
 * A mistake in how `auth-dynamo-emulator` was invoked. Its message is one line that says
 * what is wrong and how to fix it, fit to print as is.
 */
export class CliError extends Error {
  /** Stable code for programs; the message is for people. */
  readonly code: CliErrorCode

  /**
   * @param code - the stable code
   * @param message - one line: what is wrong and how to fix it
   */
  constructor(code: CliErrorCode, message: string) {
    super(message)
    this.name = 'CliError'
    this.code = code
  }
}
