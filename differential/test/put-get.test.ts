import { putGet } from '../corpus/put-get.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(putGet)
