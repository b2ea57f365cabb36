import { indexKeys } from '../corpus/index-keys.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(indexKeys)
