import { transactWrite } from '../corpus/transact-write.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(transactWrite)
