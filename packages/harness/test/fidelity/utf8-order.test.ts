import { utf8OrderCases } from './cases/utf8-order.js'
import { describeOnEmulator } from './support/describe-cases.js'

describeOnEmulator('UTF-8 string order', utf8OrderCases)
