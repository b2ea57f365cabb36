import { numberPrecisionCases } from './cases/number-precision.js'
import { describeOnEmulator } from './support/describe-cases.js'

describeOnEmulator('number precision', numberPrecisionCases)
