import { describe } from 'vitest'
import { onEmulator } from '../support/targets.js'
import { transactWriteItemsSuite } from './transact-write-items.suite.js'

describe('TransactWriteItems on the emulator', () => {
  transactWriteItemsSuite(onEmulator())
})
