import { returnValuesOnConditionCheckFailureCases } from './cases/return-values-on-condition-check-failure.js'
import { describeOnEmulator } from './support/describe-cases.js'

describeOnEmulator('ReturnValuesOnConditionCheckFailure', returnValuesOnConditionCheckFailureCases)
