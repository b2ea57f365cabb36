import { limitsAndSizes } from '../corpus/limits-and-sizes.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(limitsAndSizes)
