import type { CorpusArea } from './diff-case.js'
import type { KnownDifference } from './known-difference.js'
import type { CaseVerdict } from './summary.js'

/**
 * The verdicts a passing run gives: a listed case differs as listed, every other case agrees
 * (a run that finds otherwise fails). The README's figures are these.
 */
export function expectedVerdicts(
  corpus: readonly CorpusArea[],
  known: Readonly<Record<string, KnownDifference>>,
): CaseVerdict[] {
  return corpus.flatMap((area) =>
    area.cases.map((diffCase) => {
      const id = `${area.area}/${diffCase.id}`
      return {
        id,
        area: area.area,
        scope: area.scope,
        verdict: known[id]?.side ?? 'agree',
        serviceDiffers: diffCase.serviceDiffers !== undefined,
      }
    }),
  )
}
