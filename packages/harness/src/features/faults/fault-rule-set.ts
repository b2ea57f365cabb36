import { randomInt } from 'node:crypto'
import { EmulatorError } from '../../errors/emulator-error.js'
import {
  batchOperations,
  type FaultRuleInput,
  type FaultRuleStatus,
  parseFaultRule,
} from './fault-rule.js'
import { type RequestTarget, requestTargets } from './request-targets.js'
import { seededRandom } from './seeded-random.js'

// Rules are held in memory per namespace; this bounds what a runaway test can pile up.
export const maxFaultRules = 100

/** The key attribute names of a table, or undefined when there is no such table. */
export type KeyAttributesOf = (tableName: string) => Promise<string[] | undefined>

/** A request as rules see it. */
export interface FaultCandidate {
  readonly operation: string
  readonly payload: Readonly<Record<string, unknown>>
  readonly principal: string
}

/** A rule that fired on a request, with what it needs to act. */
export interface FiredRule {
  readonly status: FaultRuleStatus
  readonly rule: FaultRuleInput
  /** The rule's own random sequence (which batch items to leave unprocessed). */
  readonly random: () => number
  /** Whether one target of the request matches the rule's table and key conditions. */
  matchesTarget(target: RequestTarget): Promise<boolean>
}

interface ActiveRule {
  readonly id: string
  readonly rule: FaultRuleInput
  readonly seed: number
  readonly random: () => number
  matched: number
  fired: number
}

/**
 * The fault rules of one namespace, in the order they were added. A request fires at most one
 * rule: the first that matches it and whose probability roll succeeds. Rules of one namespace
 * never see another namespace's requests; the namespace's reset clears them.
 */
export class FaultRuleSet {
  #rules: ActiveRule[] = []
  #nextId = 1

  /**
   * Adds a rule; it applies to the next matching request.
   * @throws {@link EmulatorError} `INVALID_OPTIONS` for a bad rule, `INVALID_STATE` past
   *   {@link maxFaultRules} rules
   */
  add(input: FaultRuleInput): FaultRuleStatus {
    const rule = parseFaultRule(input)
    if (this.#rules.length >= maxFaultRules) {
      throw new EmulatorError(
        'INVALID_STATE',
        `This namespace already holds ${maxFaultRules} fault rules: remove the ones you no longer need (faults.clear(), or DELETE .../faults)`,
      )
    }
    const seed = rule.seed ?? randomInt(0, 2 ** 32 - 1)
    const active: ActiveRule = {
      id: `fault-${this.#nextId++}`,
      rule,
      seed,
      random: seededRandom(seed),
      matched: 0,
      fired: 0,
    }
    this.#rules.push(active)
    return statusOf(active)
  }

  /** Every rule, with its counts, in the order they apply. */
  list(): FaultRuleStatus[] {
    return this.#rules.map(statusOf)
  }

  /** Removes one rule; false when there is none of that id. */
  remove(id: string): boolean {
    const before = this.#rules.length
    this.#rules = this.#rules.filter((rule) => rule.id !== id)
    return this.#rules.length < before
  }

  /** Removes every rule. */
  clear(): void {
    this.#rules = []
  }

  /** Whether there is any rule left that can fire (a cheap check for every request). */
  get active(): boolean {
    return this.#rules.some((rule) => !exhausted(rule))
  }

  /**
   * The rule that fires on this request, if any, counting the match and the fire. A rule that
   * matches but cannot act on this request (`canAct`: a partial batch of an invalid batch) is
   * passed over uncounted.
   */
  async pick(
    request: FaultCandidate,
    keyAttributesOf: KeyAttributesOf,
    canAct: (rule: FaultRuleInput) => Promise<boolean> = async () => true,
  ): Promise<FiredRule | undefined> {
    let targets: RequestTarget[] | undefined
    for (const active of this.#rules) {
      const { rule } = active
      if (exhausted(active)) continue
      if (rule.operations && !rule.operations.includes(request.operation)) continue
      if (
        rule.action.type === 'partial-batch' &&
        !(batchOperations as readonly string[]).includes(request.operation)
      ) {
        continue
      }
      if (rule.principal !== undefined && rule.principal !== request.principal) continue
      const matchesTarget = (target: RequestTarget) => targetMatches(rule, target, keyAttributesOf)
      if (rule.tables || rule.keyPrefix !== undefined) {
        targets ??= requestTargets(request.operation, request.payload)
        if (!(await someAsync(targets, matchesTarget))) continue
      }
      if (!(await canAct(rule))) continue
      active.matched++
      const probability = rule.probability ?? 1
      if (probability < 1 && !(active.random() < probability)) continue
      active.fired++
      return { status: statusOf(active), rule, random: active.random, matchesTarget }
    }
    return undefined
  }
}

async function targetMatches(
  rule: FaultRuleInput,
  target: RequestTarget,
  keyAttributesOf: KeyAttributesOf,
): Promise<boolean> {
  if (rule.tables && !rule.tables.includes(target.table)) return false
  const prefix = rule.keyPrefix
  if (prefix === undefined) return true
  const startsWithPrefix = (value: unknown) => {
    const string = (value as { S?: unknown } | null | undefined)?.S
    return typeof string === 'string' && string.startsWith(prefix)
  }
  if (target.key) return Object.values(target.key).some(startsWithPrefix)
  if (target.keyConditionValues) return target.keyConditionValues.some(startsWithPrefix)
  if (target.item) {
    const item = target.item
    const keyNames = await keyAttributesOf(target.table)
    return (keyNames ?? []).some((name) => startsWithPrefix(item[name]))
  }
  return false
}

function exhausted(rule: ActiveRule): boolean {
  return rule.rule.times !== undefined && rule.fired >= rule.rule.times
}

function statusOf(active: ActiveRule): FaultRuleStatus {
  return {
    id: active.id,
    ...structuredClone(active.rule),
    seed: active.seed,
    matched: active.matched,
    fired: active.fired,
    remaining: active.rule.times === undefined ? null : active.rule.times - active.fired,
  }
}

async function someAsync<T>(
  values: readonly T[],
  test: (value: T) => Promise<boolean>,
): Promise<boolean> {
  for (const value of values) if (await test(value)) return true
  return false
}
