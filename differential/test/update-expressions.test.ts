import { updateExpressions } from '../corpus/update-expressions.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(updateExpressions)
