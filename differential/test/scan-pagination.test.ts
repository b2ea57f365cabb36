import { scanPagination } from '../corpus/scan-pagination.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(scanPagination)
