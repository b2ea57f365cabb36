import { keySizeCases } from './cases/key-sizes.js'
import { describeOnEmulator } from './support/describe-cases.js'

describeOnEmulator('key sizes', keySizeCases)
