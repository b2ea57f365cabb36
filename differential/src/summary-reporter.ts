import { writeFileSync } from 'node:fs'
import type { Reporter, TestModule } from 'vitest/node'
import type { CaseVerdict } from './summary.js'
import { summarise } from './summary.js'

/** What each case's test records in its `task.meta` for the summary. */
export interface CaseResultMeta extends CaseVerdict {
  /** The differing steps, as text, when the answers differ. */
  differences?: string
}

/** Options of {@link SummaryReporter}. */
export interface SummaryReporterOptions {
  /** Every case id of the corpus: results are written only after a run of all of them. */
  corpusIds: readonly string[]
  /** Where to write the results JSON. */
  outputFile: string
}

/**
 * A vitest reporter that adds up the cases' verdicts, prints the summary after the run, and,
 * when every case of the corpus ran, writes it with the listed differences to `outputFile`.
 */
export class SummaryReporter implements Reporter {
  readonly #options: SummaryReporterOptions

  constructor(options: SummaryReporterOptions) {
    this.#options = options
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const results: CaseResultMeta[] = []
    for (const testModule of testModules) {
      for (const testCase of testModule.children.allTests()) {
        const meta = testCase.meta().differential
        if (meta) results.push(meta)
      }
    }
    if (results.length === 0) return
    const summary = summarise(results)
    const ran = new Set(results.map((result) => result.id))
    const complete = this.#options.corpusIds.every((id) => ran.has(id))
    const core = summary.itemApiAndTransactions
    const lines = [
      '',
      `differential: ${summary.sentence}`,
      `  item API and transactions: ${core.agree} of ${core.cases} (${core.agreePercent} %) answer as DynamoDB Local does; with the ${core.onPurpose} differences on purpose, ${core.agreeOrOnPurposePercent} %`,
      ...Object.entries(summary.byArea).map(
        ([area, t]) =>
          `  ${area.padEnd(32)} ${String(t.agree).padStart(3)} of ${String(t.cases).padStart(3)} agree, ${t.onPurpose} on purpose, ${t.emulatorBugs} emulator bugs${t.failing ? `, ${t.failing} FAILING` : ''}`,
      ),
    ]
    if (summary.failing.length > 0) {
      lines.push(`  failing: ${summary.failing.map((f) => `${f.id} (${f.verdict})`).join(', ')}`)
    }
    if (complete) {
      const differences = Object.fromEntries(
        results
          .filter((result) => result.differences !== undefined)
          .sort((a, b) => (a.id < b.id ? -1 : 1))
          .map((result) => [result.id, result.differences]),
      )
      writeFileSync(
        this.#options.outputFile,
        `${JSON.stringify({ ...summary, differences }, null, 2)}\n`,
      )
      lines.push(`  written to ${this.#options.outputFile}`)
    } else {
      lines.push(
        `  (${ran.size} of ${this.#options.corpusIds.length} cases ran: results.json left as it was)`,
      )
    }
    console.log(lines.join('\n'))
  }
}
