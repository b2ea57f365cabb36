import { batchGetSizeLimits } from '../corpus/batch-get-size-limits.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(batchGetSizeLimits)
