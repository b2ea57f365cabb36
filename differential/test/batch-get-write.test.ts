import { batchGetWrite } from '../corpus/batch-get-write.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(batchGetWrite)
