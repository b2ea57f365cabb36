import type { Capability } from './capabilities.js'
import type { ConformanceTestId } from './conformance-tests.js'

/** What happened to one conformance test. */
export type ConformanceOutcome =
  | { readonly id: ConformanceTestId; readonly status: 'passed' }
  | { readonly id: ConformanceTestId; readonly status: 'failed'; readonly error: string }
  | {
      readonly id: ConformanceTestId
      readonly status: 'skipped'
      /** The capabilities that are off. */
      readonly missing: readonly Capability[]
      /** The `expectedFailures` reason, when the skipped test was also listed there. */
      readonly expectedFailure?: string
    }
  | {
      readonly id: ConformanceTestId
      readonly status: 'expected-failure'
      readonly reason: string
      readonly error: string
    }
  | { readonly id: ConformanceTestId; readonly status: 'unexpected-pass'; readonly reason: string }

/**
 * The end-of-run summary of one `runAdapterConformance` call: every skip, expected failure and
 * unexpected pass by name. Tests filtered out of the run (by `-t` or `.only`) are not in it.
 */
export interface ConformanceReport {
  /** The `name` option. */
  readonly name: string
  /** One entry per test that ran or was skipped, in run order. */
  readonly outcomes: readonly ConformanceOutcome[]
  /** What is wrong with the options (unknown test ids, empty reasons); empty when nothing. */
  readonly optionProblems: readonly string[]
}

/** Collects the outcomes of one suite's tests as they finish. */
export class ReportRecorder {
  readonly #name: string
  readonly #problems: readonly string[]
  readonly #outcomes = new Map<ConformanceTestId, ConformanceOutcome>()

  /**
   * @param name - the suite's name
   * @param problems - what is wrong with the options
   */
  constructor(name: string, problems: readonly string[]) {
    this.#name = name
    this.#problems = problems
  }

  /** Records (or replaces, on a retry) the outcome of one test. */
  record(outcome: ConformanceOutcome): void {
    this.#outcomes.set(outcome.id, outcome)
  }

  /** The report so far. */
  report(): ConformanceReport {
    return {
      name: this.#name,
      outcomes: [...this.#outcomes.values()],
      optionProblems: this.#problems,
    }
  }
}

/**
 * The message of a thrown value, on one line.
 *
 * @param error - anything a test threw
 */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n').find((line) => line.trim() !== '') ?? text
}

/**
 * The report as text for the end of a test run: counts, then every skip, expected failure,
 * unexpected pass and failure by name.
 *
 * @param report - the report to print
 */
export function formatReport(report: ConformanceReport): string {
  const by = <S extends ConformanceOutcome['status']>(status: S) =>
    report.outcomes.filter(
      (outcome): outcome is Extract<ConformanceOutcome, { status: S }> => outcome.status === status,
    )
  const passed = by('passed')
  const failed = by('failed')
  const skipped = by('skipped')
  const expected = by('expected-failure')
  const unexpected = by('unexpected-pass')
  const lines = [
    `Auth.js adapter conformance: ${report.name}`,
    `  passed: ${passed.length} · failed: ${failed.length} · skipped: ${skipped.length} · failed as expected: ${expected.length} · passed unexpectedly: ${unexpected.length}`,
  ]
  if (report.optionProblems.length > 0) {
    lines.push('  INVALID OPTIONS:')
    for (const problem of report.optionProblems) lines.push(`    - ${problem}`)
  }
  if (skipped.length > 0) {
    lines.push('  skipped (capability off):')
    for (const { id, missing, expectedFailure } of skipped) {
      const note = expectedFailure === undefined ? '' : ' (also listed in expectedFailures)'
      lines.push(`    - "${id}": needs ${missing.join(', ')}${note}`)
    }
  }
  if (expected.length > 0) {
    lines.push('  failed as expected (expectedFailures):')
    for (const { id, reason } of expected) lines.push(`    - "${id}": ${reason}`)
  }
  if (unexpected.length > 0) {
    lines.push('  PASSED UNEXPECTEDLY (remove these entries from expectedFailures):')
    for (const { id, reason } of unexpected) lines.push(`    - "${id}" (listed because: ${reason})`)
  }
  if (failed.length > 0) {
    lines.push('  FAILED:')
    for (const { id, error } of failed) lines.push(`    - "${id}": ${error}`)
  }
  return lines.join('\n')
}
