import { batchGetItemCases } from './cases/batch-get-item.js'
import { describeOnEmulator } from './support/describe-cases.js'

describeOnEmulator('BatchGetItem size', batchGetItemCases)
