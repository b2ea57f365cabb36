import { validationErrors } from '../corpus/validation-errors.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(validationErrors)
