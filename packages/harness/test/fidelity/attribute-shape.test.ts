import { attributeShapeCases } from './cases/attribute-shape.js'
import { describeOnEmulator } from './support/describe-cases.js'

describeOnEmulator('attribute names and nesting', attributeShapeCases)
