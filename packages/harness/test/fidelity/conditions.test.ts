import { conditionCases } from './cases/conditions.js'
import { describeOnEmulator } from './support/describe-cases.js'

describeOnEmulator('conditions and filters', conditionCases)
