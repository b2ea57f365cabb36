import { tableOperations } from '../corpus/table-operations.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(tableOperations)
