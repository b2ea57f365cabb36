import { consumedCapacityCases } from './cases/consumed-capacity.js'
import { describeOnEmulator } from './support/describe-cases.js'

describeOnEmulator('consumed capacity', consumedCapacityCases)
