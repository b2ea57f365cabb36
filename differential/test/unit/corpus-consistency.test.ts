import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { corpus } from '../../corpus/index.js'
import { knownDifferences } from '../../known-differences.js'
import type { DiffCase, RequestStep } from '../../src/diff-case.js'
import { expectedVerdicts } from '../../src/expected-verdicts.js'
import { summarise } from '../../src/summary.js'

const root = new URL('../../', import.meta.url)
const caseIds = corpus.flatMap((area) =>
  area.cases.map((diffCase) => `${area.area}/${diffCase.id}`),
)

describe('the corpus', () => {
  test('holds at least 300 cases', () => {
    expect(caseIds.length).toBeGreaterThanOrEqual(300)
  })

  test('has unique kebab-case ids', () => {
    expect(new Set(caseIds).size).toBe(caseIds.length)
    for (const id of caseIds) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/)
  })

  test('has one corpus file and one test file per area, and index.ts lists every area', () => {
    const areaFiles = readdirSync(new URL('corpus/', root))
      .filter((file) => file.endsWith('.ts') && file !== 'index.ts' && file !== 'tables.ts')
      .map((file) => file.replace(/\.ts$/, ''))
      .sort()
    const testFiles = readdirSync(new URL('test/', root))
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => file.replace(/\.test\.ts$/, ''))
      .sort()
    const areas = corpus.map((area) => area.area).sort()
    expect(areaFiles).toEqual(areas)
    expect(testFiles).toEqual(areas)
    for (const area of areas) {
      expect(readFileSync(new URL(`test/${area}.test.ts`, root), 'utf8')).toContain(
        `'../corpus/${area}.js'`,
      )
    }
  })

  test('names only tables each case declares', () => {
    for (const area of corpus) {
      for (const diffCase of area.cases) {
        const declared = new Set([...Object.keys(diffCase.tables ?? {}), ...(diffCase.names ?? [])])
        for (const name of Object.keys(diffCase.items ?? {})) expect(declared).toContain(name)
        for (const step of diffCase.steps) {
          if ('wait' in step) {
            expect(declared, `${area.area}/${diffCase.id}`).toContain(step.wait)
            continue
          }
          const text = step.rawBody ?? JSON.stringify(step.body ?? {})
          for (const match of text.matchAll(/\$(?:arn:)?([A-Z][A-Za-z0-9]*)(?![A-Za-z0-9_])/g)) {
            expect(declared, `${area.area}/${diffCase.id} names $${match[1]}`).toContain(match[1])
          }
        }
      }
    }
  })

  test('gives each step a claim and a source for each difference from the service', () => {
    for (const area of corpus) {
      for (const diffCase of area.cases) {
        expect(diffCase.title.trim(), `${area.area}/${diffCase.id}`).not.toBe('')
        for (const step of diffCase.steps.filter((s): s is RequestStep => 'op' in s)) {
          if (step.expect !== undefined) expect(step.expect).toMatch(/^(ok|[A-Z][A-Za-z]+)$/)
        }
        if (diffCase.serviceDiffers) {
          expect(diffCase.serviceDiffers.service.trim()).not.toBe('')
          expect(diffCase.serviceDiffers.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//)
        }
      }
    }
  })
})

describe('known-differences.ts', () => {
  test('lists only cases that exist', () => {
    const unknown = Object.keys(knownDifferences).filter((id) => !caseIds.includes(id))
    expect(unknown).toEqual([])
  })

  test('gives each entry a side, a one-line reason and a documentation source', () => {
    for (const [id, entry] of Object.entries(knownDifferences)) {
      expect(['emulator-bug', 'on-purpose'], id).toContain(entry.side)
      expect(entry.reason.trim(), id).not.toBe('')
      expect(entry.reason, id).not.toContain('\n')
      expect(entry.source, id).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//)
    }
  })

  test('lists a difference as on purpose only where the case says DynamoDB Local differs from the service', () => {
    const byId = new Map<string, DiffCase>(
      corpus.flatMap((area) => area.cases.map((c) => [`${area.area}/${c.id}`, c] as const)),
    )
    for (const [id, entry] of Object.entries(knownDifferences)) {
      if (entry.side !== 'on-purpose') continue
      expect(
        byId.get(id)?.serviceDiffers,
        `${id} is on purpose but has no serviceDiffers`,
      ).toBeDefined()
    }
  })
})

describe('README.md', () => {
  test('states the figures a passing run gives', () => {
    const summary = summarise(expectedVerdicts(corpus, knownDifferences))
    const readme = readFileSync(new URL('README.md', root), 'utf8')
    const core = summary.itemApiAndTransactions
    expect(readme).toContain(summary.sentence)
    expect(readme).toContain(
      `On the item API and transactions, ${core.agree} of ${core.cases} cases (${core.agreePercent} %) answer as DynamoDB Local does`,
    )
  })
})
