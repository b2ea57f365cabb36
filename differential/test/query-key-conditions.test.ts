import { queryKeyConditions } from '../corpus/query-key-conditions.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(queryKeyConditions)
