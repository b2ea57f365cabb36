import { updateTable } from '../corpus/update-table.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(updateTable)
