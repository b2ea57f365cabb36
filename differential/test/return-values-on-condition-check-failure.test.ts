import { returnValuesOnConditionCheckFailure } from '../corpus/return-values-on-condition-check-failure.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(returnValuesOnConditionCheckFailure)
