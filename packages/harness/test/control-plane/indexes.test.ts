import { describe } from 'vitest'
import { onEmulator } from '../support/targets.js'
import { globalSecondaryIndexSuite } from './indexes.suite.js'

describe('global secondary index changes and table statistics on the emulator', () => {
  globalSecondaryIndexSuite(onEmulator())
})
