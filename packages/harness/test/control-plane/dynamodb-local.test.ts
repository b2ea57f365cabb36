import { describe } from 'vitest'
import { skipWithoutJava } from '../support/dynamodb-local.js'
import { onDynamodbLocal } from '../support/targets.js'
import { globalSecondaryIndexSuite } from './indexes.suite.js'
import { tableSettingsSuite } from './table-settings.suite.js'

// The emulator's cases on Amazon DynamoDB Local, the reference: one JVM for all of them.
describe.skipIf(skipWithoutJava !== undefined)(
  `table changes on DynamoDB Local${skipWithoutJava ? ` (${skipWithoutJava})` : ''}`,
  () => {
    const target = onDynamodbLocal()
    describe('global secondary index changes and table statistics', () =>
      globalSecondaryIndexSuite(target))
    describe('table settings', () => tableSettingsSuite(target))
  },
)
