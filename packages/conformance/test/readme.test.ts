import { readFile } from 'node:fs/promises'
import { describe, expect, test } from 'vitest'
import { capabilityDescriptions, conformanceTestIds, conformanceTests } from '../src/index.js'

const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8')

/** Every markdown table row of the README as its trimmed cells, joined by ' | '. */
const rows = new Set(
  readme
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim())
        .join(' | '),
    ),
)

describe('README', () => {
  test('lists every test id with the capabilities it needs', () => {
    for (const { id, requires } of conformanceTests) {
      const needs = requires.map((capability) => `\`${capability}\``).join(', ') || '–'
      expect(rows.has(`\`${id}\` | ${needs}`), id).toBe(true)
    }
  })

  test('describes every capability as the code does', () => {
    for (const [name, description] of Object.entries(capabilityDescriptions)) {
      expect(rows.has(`\`${name}\` | ${description}`), name).toBe(true)
    }
  })

  test('states the number of tests', () => {
    expect(readme).toMatch(new RegExp(`registers\\s+${conformanceTestIds.length} tests`))
  })
})
