import { requestValidationCases } from './cases/request-validation.js'
import { describeOnEmulator } from './support/describe-cases.js'

describeOnEmulator('request validation', requestValidationCases)
