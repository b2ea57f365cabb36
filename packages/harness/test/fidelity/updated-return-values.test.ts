import { updatedReturnValuesCases } from './cases/updated-return-values.js'
import { describeOnEmulator } from './support/describe-cases.js'

describeOnEmulator('UPDATED_NEW and UPDATED_OLD', updatedReturnValuesCases)
