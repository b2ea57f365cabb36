import { numberPrecision } from '../corpus/number-precision.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(numberPrecision)
