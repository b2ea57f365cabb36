import type { FidelityCase } from '../support/fidelity-case.js'
import { attributeShapeCases } from './attribute-shape.js'
import { batchGetItemCases } from './batch-get-item.js'
import { conditionCases } from './conditions.js'
import { consumedCapacityCases } from './consumed-capacity.js'
import { keySizeCases } from './key-sizes.js'
import { numberPrecisionCases } from './number-precision.js'
import { requestValidationCases } from './request-validation.js'
import { returnValuesOnConditionCheckFailureCases } from './return-values-on-condition-check-failure.js'
import { updatedReturnValuesCases } from './updated-return-values.js'
import { utf8OrderCases } from './utf8-order.js'

/** Every fidelity case, by topic. */
export const fidelityCases: Record<string, FidelityCase[]> = {
  'UTF-8 string order': utf8OrderCases,
  conditions: conditionCases,
  'number precision': numberPrecisionCases,
  'key sizes': keySizeCases,
  'attribute names and nesting': attributeShapeCases,
  'request validation': requestValidationCases,
  ReturnValuesOnConditionCheckFailure: returnValuesOnConditionCheckFailureCases,
  'consumed capacity': consumedCapacityCases,
  'BatchGetItem size': batchGetItemCases,
  'UPDATED_NEW and UPDATED_OLD': updatedReturnValuesCases,
}
