// Sums the vitest JSON reports of every workspace package that has a test script into one
// line; a package whose report is missing (its run crashed) counts as a failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// The workspace's package folders, as pnpm-workspace.yaml lists them (`dir/*` or `dir`).
const workspace = readFileSync('pnpm-workspace.yaml', 'utf8')
const patterns = [...workspace.split('catalog:')[0].matchAll(/^ {2}- (\S+)$/gm)].map((m) => m[1])
const packageDirs = patterns.flatMap((pattern) =>
  pattern.endsWith('/*')
    ? existsSync(pattern.slice(0, -2))
      ? readdirSync(pattern.slice(0, -2)).map((name) => join(pattern.slice(0, -2), name))
      : []
    : [pattern],
)
const totals = { passed: 0, failed: 0, skipped: 0 }
let missing = 0

for (const dir of packageDirs) {
  const manifestPath = join(dir, 'package.json')
  if (!existsSync(manifestPath)) continue
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  if (!manifest.scripts?.test) continue
  const reportPath = join(dir, 'test-results.json')
  if (!existsSync(reportPath)) {
    console.error(`no test report from ${dir}: its test run did not finish`)
    missing += 1
    continue
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8'))
  totals.passed += report.numPassedTests
  totals.failed += report.numFailedTests
  totals.skipped += report.numPendingTests + report.numTodoTests
}

console.log(
  `tests: ${totals.passed} passed, ${totals.failed + missing} failed, ${totals.skipped} skipped`,
)
process.exit(totals.failed + missing > 0 ? 1 : 0)
