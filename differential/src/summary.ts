import type { Scope } from './diff-case.js'
import type { Verdict } from './known-difference.js'

/** One case's result, as the summary counts it. */
export interface CaseVerdict {
  /** `<area>/<case>` */
  id: string
  area: string
  scope: Scope
  verdict: Verdict
  /** The case says DynamoDB Local differs from the AWS service there (`serviceDiffers`). */
  serviceDiffers?: boolean
}

/** Counts of one group of cases. */
export interface Tally {
  cases: number
  /** Answered as DynamoDB Local does. */
  agree: number
  onPurpose: number
  emulatorBugs: number
  /** Unlisted differences, stale entries and broken cases: each one fails the run. */
  failing: number
}

/** What `results.json` holds. */
export interface Summary {
  sentence: string
  total: Tally
  /** Scopes `item-api` and `transactions` together, the goal figure. */
  itemApiAndTransactions: Tally & {
    /** Percentage answering as DynamoDB Local does. */
    agreePercent: number
    /** Percentage answering as DynamoDB Local does or differing on purpose (as the service). */
    agreeOrOnPurposePercent: number
  }
  byScope: Record<string, Tally>
  byArea: Record<string, Tally & { scope: Scope }>
  onPurpose: string[]
  emulatorBugs: string[]
  /**
   * Cases where DynamoDB Local is known to differ from the service and the emulator still
   * answers as DynamoDB Local does: they agree, but the emulator does not follow the service.
   */
  agreeWhereLocalDiffersFromService: string[]
  failing: Array<{ id: string; verdict: Verdict }>
}

/** Adds up verdicts, overall, by scope and by area, in a stable order. */
export function summarise(verdicts: CaseVerdict[]): Summary {
  const sorted = [...verdicts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const total = tally(sorted)
  const core = tally(sorted.filter((v) => v.scope === 'item-api' || v.scope === 'transactions'))
  const byScope: Record<string, Tally> = {}
  const byArea: Record<string, Tally & { scope: Scope }> = {}
  for (const scope of unique(sorted.map((v) => v.scope))) {
    byScope[scope] = tally(sorted.filter((v) => v.scope === scope))
  }
  for (const area of unique(sorted.map((v) => v.area))) {
    const inArea = sorted.filter((v) => v.area === area)
    byArea[area] = { scope: (inArea[0] as CaseVerdict).scope, ...tally(inArea) }
  }
  return {
    sentence: summarySentence(total),
    total,
    itemApiAndTransactions: {
      ...core,
      agreePercent: percent(core.agree, core.cases),
      agreeOrOnPurposePercent: percent(core.agree + core.onPurpose, core.cases),
    },
    byScope,
    byArea,
    onPurpose: sorted.filter((v) => v.verdict === 'on-purpose').map((v) => v.id),
    emulatorBugs: sorted.filter((v) => v.verdict === 'emulator-bug').map((v) => v.id),
    agreeWhereLocalDiffersFromService: sorted
      .filter((v) => v.verdict === 'agree' && v.serviceDiffers)
      .map((v) => v.id),
    failing: sorted
      .filter((v) => v.verdict === 'unlisted' || v.verdict === 'stale' || v.verdict === 'broken')
      .map(({ id, verdict }) => ({ id, verdict })),
  }
}

/** "N of M cases answer as DynamoDB Local does, K differ on purpose (listed), B emulator bugs listed" */
export function summarySentence(total: Tally): string {
  return `${total.agree} of ${total.cases} cases answer as DynamoDB Local does, ${total.onPurpose} differ on purpose (listed), ${total.emulatorBugs} emulator bugs listed`
}

function tally(verdicts: CaseVerdict[]): Tally {
  const count = (...wanted: Verdict[]) => verdicts.filter((v) => wanted.includes(v.verdict)).length
  return {
    cases: verdicts.length,
    agree: count('agree'),
    onPurpose: count('on-purpose'),
    emulatorBugs: count('emulator-bug'),
    failing: count('unlisted', 'stale', 'broken'),
  }
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)]
}
