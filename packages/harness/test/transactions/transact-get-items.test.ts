import { describe } from 'vitest'
import { onEmulator } from '../support/targets.js'
import { transactGetItemsSuite } from './transact-get-items.suite.js'

describe('TransactGetItems on the emulator', () => {
  transactGetItemsSuite(onEmulator())
})
