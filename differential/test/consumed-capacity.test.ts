import { consumedCapacity } from '../corpus/consumed-capacity.js'
import { defineAreaTests } from './support/define-area-tests.js'

defineAreaTests(consumedCapacity)
