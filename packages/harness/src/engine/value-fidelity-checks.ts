import { checkAttributeShapes, checkExpressionAttributeNames } from './attribute-shape-checks.js'
import type { EngineResponse } from './engine-response.js'
import { checkExpressionOperands } from './expression-operand-checks.js'
import type { RequestCheck, ValidatedDataHook } from './request-checks.js'
import { checkScanSegment } from './scan-segment-checks.js'
import { checkSelect } from './select-checks.js'
import { checkWriteRequest } from './write-request-checks.js'

/**
 * The request checks of issue 9 §3 on the raw payload, before dynalite parses its expressions:
 * empty names in ExpressionAttributeNames. (Expression sizes: expression-size-checks.ts.)
 */
export const valueFidelityRequestCheck: RequestCheck = (operation, payload) =>
  checkExpressionAttributeNames(operation, payload)

const hooks: ValidatedDataHook[] = [
  checkAttributeShapes,
  checkExpressionOperands,
  checkSelect,
  checkScanSegment,
  checkWriteRequest,
]

/**
 * The validated-data hooks of issue 9 §3, in order: attribute names and nesting, expression
 * operands, Select, Scan segments, write requests. The first refusal is the answer.
 */
export const valueFidelityDataHook: ValidatedDataHook = (operation, payload, data) => {
  for (const hook of hooks) {
    const refused: EngineResponse | undefined = hook(operation, payload, data)
    if (refused) return refused
  }
  return undefined
}
