// Sums the vitest JSON reports of every workspace package that has a test script into one
// line; a package whose report is missing (its run crashed) counts as a failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const roots = ['packages', 'examples']
// Workspace packages that are not under a root above.
const singles = ['scripts']
const totals = { passed: 0, failed: 0, skipped: 0 }
let missing = 0

const dirs = [
  ...roots
    .filter((root) => existsSync(root))
    .flatMap((root) => readdirSync(root).map((name) => join(root, name))),
  ...singles,
]

for (const dir of dirs) {
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
