import { describe } from 'vitest'
import { skipWithoutJava } from '../support/dynamodb-local.js'
import { onDynamodbLocal } from '../support/targets.js'
import { clientRequestTokenSuite } from './client-request-token.suite.js'
import { transactGetItemsSuite } from './transact-get-items.suite.js'
import { transactWriteItemsSuite } from './transact-write-items.suite.js'

// The emulator's cases on Amazon DynamoDB Local, the reference: one JVM for all of them.
describe.skipIf(skipWithoutJava !== undefined)(
  `transactions on DynamoDB Local${skipWithoutJava ? ` (${skipWithoutJava})` : ''}`,
  () => {
    const target = onDynamodbLocal()
    describe('TransactWriteItems', () => transactWriteItemsSuite(target))
    describe('TransactGetItems', () => transactGetItemsSuite(target))
    describe('ClientRequestToken', () => clientRequestTokenSuite(target))
  },
)
