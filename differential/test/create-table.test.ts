import { createTable } from '../corpus/create-table.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(createTable)
