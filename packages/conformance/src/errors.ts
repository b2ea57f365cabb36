/**
 * Stable codes carried by every {@link ConformanceError}, so callers can branch on the cause
 * without parsing messages.
 *
 * - `CONFORMANCE_INVALID_OPTIONS`: `runAdapterConformance` was given options it cannot use.
 * - `CONFORMANCE_UNKNOWN_TEST_ID`: `expectedFailures` names a test id the suite does not have.
 * - `CONFORMANCE_ADAPTER_METHOD_MISSING`: a test needs an adapter method that is not there.
 * - `CONFORMANCE_PROBE_MISSING`: a test needs a probe that was not given.
 * - `CONFORMANCE_CLOCK_MISSING`: an expiry-deletion test ran without a `clock`.
 */
export type ConformanceErrorCode =
  | 'CONFORMANCE_INVALID_OPTIONS'
  | 'CONFORMANCE_UNKNOWN_TEST_ID'
  | 'CONFORMANCE_ADAPTER_METHOD_MISSING'
  | 'CONFORMANCE_PROBE_MISSING'
  | 'CONFORMANCE_CLOCK_MISSING'

/**
 * An error raised by the conformance suite itself (not by the adapter under test): bad options,
 * or a test that cannot run because the adapter or the probes lack what it needs. The message
 * says what was wrong and how to fix it.
 */
export class ConformanceError extends Error {
  /** A stable identifier of the cause; see {@link ConformanceErrorCode}. */
  readonly code: ConformanceErrorCode

  /**
   * @param code - the stable cause
   * @param message - what was wrong and how to fix it
   */
  constructor(code: ConformanceErrorCode, message: string) {
    super(message)
    this.name = 'ConformanceError'
    this.code = code
  }
}
