import { conditionExpressions } from '../corpus/condition-expressions.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(conditionExpressions)
