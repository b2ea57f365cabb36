import { filters } from '../corpus/filters.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(filters)
