import type { FaultRuleInput, FaultRuleStatus } from './fault-rule.js'

/**
 * The fault rules of one namespace, in-process (`emulator.namespace(id).faults`). Rules apply
 * to client requests of that namespace only, in the order they were added; the namespace's
 * `reset()` clears them.
 *
 * @example
 * ```ts
 * namespace.faults.add({ operations: ['PutItem'], action: { type: 'lost-response', respond: 'error' }, times: 1 })
 * ```
 */
export interface FaultControl {
  /**
   * Adds a rule.
   * @returns the rule's status: its `id` (for `remove`), `seed`, and counts
   * @throws {@link EmulatorError} `INVALID_OPTIONS` naming the bad field, `INVALID_STATE` past
   *   100 rules in the namespace
   */
  add(rule: FaultRuleInput): FaultRuleStatus
  /** Every rule with its counts (`matched`, `fired`, `remaining`). */
  list(): FaultRuleStatus[]
  /** Removes a rule; false when there is none of that id. */
  remove(id: string): boolean
  /** Removes every rule of the namespace. */
  clear(): void
}

/** The same, through the admin API (`/_emulator/faults`, `/_emulator/namespaces/<id>/faults`). */
export interface FaultsAdminClient {
  /**
   * Adds a rule.
   * @throws {@link EmulatorError} `ADMIN_REQUEST_FAILED` with the emulator's reason for a bad rule
   */
  add(rule: FaultRuleInput): Promise<FaultRuleStatus>
  list(): Promise<FaultRuleStatus[]>
  /** @throws {@link EmulatorError} `ADMIN_REQUEST_FAILED` when there is no rule of that id */
  remove(id: string): Promise<void>
  clear(): Promise<void>
}
