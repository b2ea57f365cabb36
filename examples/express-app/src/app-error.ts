/** The stable codes of {@link AppError}. */
export type AppErrorCode = 'AUTH_MISCONFIGURED' | 'INVALID_ARGUMENT'

/** An error of the example app, with a stable `code` and a message saying what to fix. */
export class AppError extends Error {
  override readonly name = 'AppError'

  /**
   * @param code - `AUTH_MISCONFIGURED`: Auth.js could not serve a request the app needs (e.g. no
   *   secret); `INVALID_ARGUMENT`: a bad command-line argument
   * @param message - what was wrong and how to fix it
   */
  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}
