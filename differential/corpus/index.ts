import type { CorpusArea } from '../src/diff-case.js'
import { batchGetSizeLimits } from './batch-get-size-limits.js'
import { batchGetWrite } from './batch-get-write.js'
import { conditionExpressions } from './condition-expressions.js'
import { consumedCapacity } from './consumed-capacity.js'
import { createTable } from './create-table.js'
import { filters } from './filters.js'
import { indexKeys } from './index-keys.js'
import { limitsAndSizes } from './limits-and-sizes.js'
import { numberPrecision } from './number-precision.js'
import { protocol } from './protocol.js'
import { putGet } from './put-get.js'
import { queryKeyConditions } from './query-key-conditions.js'
import { returnValuesOnConditionCheckFailure } from './return-values-on-condition-check-failure.js'
import { scanPagination } from './scan-pagination.js'
import { tableOperations } from './table-operations.js'
import { transactGet } from './transact-get.js'
import { transactWrite } from './transact-write.js'
import { updateExpressions } from './update-expressions.js'
import { updateTable } from './update-table.js'
import { utf8Ordering } from './utf8-ordering.js'
import { validationErrors } from './validation-errors.js'

/** Every area of the corpus. */
export const corpus: CorpusArea[] = [
  batchGetSizeLimits,
  batchGetWrite,
  conditionExpressions,
  consumedCapacity,
  createTable,
  filters,
  indexKeys,
  limitsAndSizes,
  numberPrecision,
  protocol,
  putGet,
  queryKeyConditions,
  returnValuesOnConditionCheckFailure,
  scanPagination,
  tableOperations,
  transactGet,
  transactWrite,
  updateExpressions,
  updateTable,
  utf8Ordering,
  validationErrors,
]
