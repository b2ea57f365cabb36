import type { DiffCase } from './diff-case.js'
import type { Outcome } from './normalise-outcome.js'
import type { PagedOutcome, RoundsOutcome, StepRecord, WaitOutcome } from './run-case.js'

/**
 * Where DynamoDB Local's answers break the case's claims (each request step's `expect`, `'ok'`
 * unless given; the setup succeeding), one line each; empty when the case holds.
 */
export function brokenClaims(diffCase: DiffCase, local: StepRecord[]): string[] {
  const problems: string[] = []
  const first = local[0]
  if (first?.step.startsWith('setup')) {
    return [
      `its setup fails on DynamoDB Local: ${first.step} answered ${JSON.stringify(first.outcome)} ${first.message ?? ''}`,
    ]
  }
  for (const [index, step] of diffCase.steps.entries()) {
    if ('wait' in step) continue
    const record = local[index]
    if (!record) break
    const expected = step.expect ?? 'ok'
    const answered = answerOf(record.outcome)
    if (answered !== expected) {
      problems.push(
        `${record.step} claims ${expected} but DynamoDB Local answered ${answered}: ${record.message ?? JSON.stringify(record.outcome).slice(0, 300)}`,
      )
    }
  }
  return problems
}

function answerOf(outcome: Outcome | WaitOutcome | PagedOutcome | RoundsOutcome): string {
  if ('wait' in outcome) return outcome.wait === 'active' ? 'ok' : `wait ${outcome.wait}`
  if ('pages' in outcome || 'rounds' in outcome) {
    return outcome.failed ? answerOf(outcome.failed) : 'ok'
  }
  if (outcome.error !== undefined) return outcome.error
  if (outcome.nonJson !== undefined) return `HTTP ${outcome.status} with a body that is not JSON`
  return outcome.status === 200 ? 'ok' : `HTTP ${outcome.status}`
}
