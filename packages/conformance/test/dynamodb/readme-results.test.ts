import { readFile, writeFile } from 'node:fs/promises'
import { expect, test } from 'vitest'
import { resultsTable } from './support/results-table.js'

const readmeUrl = new URL('../../README.md', import.meta.url)
const start = '<!-- dynamodb-results:start -->'
const end = '<!-- dynamodb-results:end -->'

// The README's DynamoDB results table is committed text; this keeps it equal to the data the
// runs use. To rewrite it after changing that data: UPDATE_README_RESULTS=1 npx vitest run <this file>
test('the README results table matches the expected failures and capabilities the runs use', async () => {
  const readme = await readFile(readmeUrl, 'utf8')
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  expect(from, `README.md needs a "${start}" … "${end}" block`).toBeGreaterThanOrEqual(0)
  expect(to).toBeGreaterThan(from)
  const table = `${start}\n\n${resultsTable()}\n\n${end}`
  const current = readme.slice(from, to + end.length)
  if (process.env.UPDATE_README_RESULTS === '1' && current !== table) {
    await writeFile(readmeUrl, readme.slice(0, from) + table + readme.slice(to + end.length))
    return
  }
  expect(current, 'README results table (rewrite it with UPDATE_README_RESULTS=1)').toBe(table)
})
