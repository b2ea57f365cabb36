import { attributeValueCheck } from './attribute-value-checks.js'
import type { EngineResponse } from './engine-response.js'
import { expressionSizeCheck } from './expression-size-checks.js'
import { nullMemberCheck } from './null-member-checks.js'
import { valueFidelityDataHook, valueFidelityRequestCheck } from './value-fidelity-checks.js'

/**
 * A check a request passes before dynalite sees it: DynamoDB rules dynalite does not apply
 * (or applies by throwing). Returns the error response to send, or undefined to go on.
 */
export type RequestCheck = (
  operation: string,
  payload: Readonly<Record<string, unknown>>,
) => EngineResponse | undefined

/**
 * Runs after dynalite's own validation, on the data its actions will get: restores what its
 * type check drops but DynamoDB accepts (a newer parameter), or rejects what only the parsed
 * form shows. Returns an error response, or undefined to go on.
 */
export type ValidatedDataHook = (
  operation: string,
  payload: Readonly<Record<string, unknown>>,
  data: Record<string, unknown>,
) => EngineResponse | undefined

/** The checks, in order; registered in this one place. */
// Shape checks first: later checks may assume what they rule out (no nulls, bounded nesting).
export const requestChecks: RequestCheck[] = [
  attributeValueCheck,
  nullMemberCheck,
  expressionSizeCheck,
  valueFidelityRequestCheck,
]

/** The hooks on validated data, in order; registered in this one place. */
export const validatedDataHooks: ValidatedDataHook[] = [valueFidelityDataHook]
