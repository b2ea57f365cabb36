import { transactGet } from '../corpus/transact-get.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(transactGet)
