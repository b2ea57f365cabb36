import { createTableInput } from '@auth-dynamo/adapter'
import { authjsTable } from '@auth-dynamo/harness'
import { describe, expect, test } from 'vitest'
import { authjsTableInput, resolveTableNames } from '../../src/dynamodb/index.js'
import { customTableNames } from './support/custom-names.js'

// The DynamoDB Local and AWS backends make the table the adapter documents and the emulator
// seeds; the three definitions are data each package keeps, so this proves they agree.
describe.each([
  ['default names', {}],
  ['custom names', customTableNames],
])('authjsTableInput with %s', (_, options) => {
  const ours = authjsTableInput(resolveTableNames(options))
  const sortedAttributes = (definitions: Array<{ AttributeName?: string }> | undefined) =>
    [...(definitions ?? [])].sort((a, b) =>
      String(a.AttributeName).localeCompare(String(b.AttributeName)),
    )

  test('is the table @auth-dynamo/adapter createTableInput describes', () => {
    const adapter = createTableInput(options)
    expect(ours.table).toEqual(adapter.table)
    expect(ours.timeToLive).toEqual(adapter.timeToLive)
  })

  test('is the table the harness emulator creates', () => {
    const { TimeToLiveSpecification, AttributeDefinitions, ...harness } = authjsTable(options)
    const { AttributeDefinitions: ourAttributes, ...rest } = ours.table
    expect(rest).toEqual(harness)
    expect(sortedAttributes(ourAttributes)).toEqual(sortedAttributes(AttributeDefinitions))
    expect(ours.timeToLive.TimeToLiveSpecification).toEqual(TimeToLiveSpecification)
  })
})
