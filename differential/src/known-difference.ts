/**
 * Why a case may answer differently on the emulator: `emulator-bug` (to be fixed) or
 * `on-purpose` (the emulator follows the AWS service where DynamoDB Local differs from it).
 */
export type Side = 'emulator-bug' | 'on-purpose'

/** A listed difference: why it exists and where the expected behaviour is written down. */
export interface KnownDifference {
  side: Side
  /** One line: what differs and why. */
  reason: string
  /** A URL: the AWS documentation (or DynamoDB Local's) that says what is right. */
  source: string
}

/** How a case came out against the list of known differences. */
export type Verdict =
  /** Same answers, not listed. */
  | 'agree'
  /** Different answers, listed as on purpose. */
  | 'on-purpose'
  /** Different answers, listed as an emulator bug. */
  | 'emulator-bug'
  /** Different answers, not listed: the run fails. */
  | 'unlisted'
  /** Same answers, but listed: the entry is stale and the run fails. */
  | 'stale'
  /** DynamoDB Local does not answer as the case claims: the case is wrong and the run fails. */
  | 'broken'

/** The verdict for a case that did (`differs`) or did not answer differently. */
export function verdictOf(differs: boolean, known: KnownDifference | undefined): Verdict {
  if (!differs) return known ? 'stale' : 'agree'
  return known ? known.side : 'unlisted'
}
