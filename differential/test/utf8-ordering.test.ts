import { utf8Ordering } from '../corpus/utf8-ordering.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(utf8Ordering)
