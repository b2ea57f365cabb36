import { describe, inject, test } from 'vitest'
import { knownDifferences } from '../../known-differences.js'
import { brokenClaims } from '../../src/check-claims.js'
import { compareRuns } from '../../src/compare-runs.js'
import type { CorpusArea } from '../../src/diff-case.js'
import { formatDifferences } from '../../src/format-differences.js'
import { verdictOf } from '../../src/known-difference.js'
import { runCase } from '../../src/run-case.js'
import type { CaseResultMeta } from '../../src/summary-reporter.js'
import type { Targets } from '../../src/target.js'

declare module 'vitest' {
  interface ProvidedContext {
    differentialTargets: Targets
  }
  interface TaskMeta {
    differential?: CaseResultMeta
  }
}

/**
 * One test per case of an area: the case runs on DynamoDB Local and on the emulator at the same
 * time, and the test fails on a difference that known-differences.ts does not list, or on a
 * listed one that no longer differs.
 */
export function defineAreaTests(corpusArea: CorpusArea): void {
  const describeArea = corpusArea.sequential ? describe.sequential : describe.concurrent
  describeArea(corpusArea.area, () => {
    for (const diffCase of corpusArea.cases) {
      const id = `${corpusArea.area}/${diffCase.id}`
      test(diffCase.id, async ({ task }) => {
        const targets = inject('differentialTargets')
        const [local, emulator] = await Promise.all([
          runCase(targets.local, diffCase),
          runCase(targets.emulator, diffCase),
        ])
        const differences = compareRuns(local, emulator)
        const known = knownDifferences[id]
        const broken = brokenClaims(diffCase, local)
        const verdict = broken.length > 0 ? 'broken' : verdictOf(differences.length > 0, known)
        task.meta.differential = {
          id,
          area: corpusArea.area,
          scope: corpusArea.scope,
          verdict,
          serviceDiffers: diffCase.serviceDiffers !== undefined,
          differences: differences.length > 0 ? formatDifferences(differences) : undefined,
        }
        if (verdict === 'broken') {
          throw new Error(
            `${id} (${diffCase.title}) is broken: DynamoDB Local, the reference, does not answer as the case claims. Fix the case.\n${broken.join('\n')}`,
          )
        }
        if (verdict === 'unlisted') {
          throw new Error(
            `${id} (${diffCase.title}) answers differently on the emulator and DynamoDB Local. Fix the emulator, or list the case in known-differences.ts with its reason and source.\n${formatDifferences(differences)}`,
          )
        }
        if (verdict === 'stale' && known) {
          throw new Error(
            `${id} now answers as DynamoDB Local does: remove its entry from known-differences.ts (it said ${known.side}: ${known.reason}).`,
          )
        }
      })
    }
  })
}
