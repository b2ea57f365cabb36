import { protocol } from '../corpus/protocol.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(protocol)
