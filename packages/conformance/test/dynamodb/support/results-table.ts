import { dynamodbLocalBackend } from '../../../src/dynamodb/index.js'
import { type Capability, conformanceTests, type ExpectedFailures } from '../../../src/index.js'
import { oursCapabilities, oursOnDynamodbLocalCapabilities } from './ours-on-dynamodb-local.js'
import {
  upstreamCapabilities,
  upstreamCustomNamesExpectedFailures,
  upstreamExpectedFailures,
} from './upstream-expectations.js'

const dynamodbLocalOff = new Set(
  Object.keys(dynamodbLocalBackend().limitations).filter(
    (capability) => oursOnDynamodbLocalCapabilities[capability as Capability] !== true,
  ),
)

function upstreamStatus(missing: Capability[], expected: ExpectedFailures, id: string): string {
  if (missing.length > 0) return `skipped (no ${missing.join(', ')})`
  return id in expected ? '**fails**' : 'passes'
}

/**
 * The README's results table, from the same data the runs use: our adapter (emulator and
 * DynamoDB Local, both name sets, no expected failures) and @auth/dynamodb-adapter 2.11.3 on the
 * emulator with default and custom names. The runs fail if any cell is wrong: an expected
 * failure that passes, or a failure not listed.
 */
export function resultsTable(): string {
  const rows = conformanceTests.map(({ id, requires }) => {
    const oursOff = requires.filter((capability) => oursCapabilities[capability] === false)
    const ours =
      oursOff.length > 0
        ? `skipped (no ${oursOff.join(', ')})`
        : requires.some((capability) => dynamodbLocalOff.has(capability))
          ? 'passes (skipped on DynamoDB Local)'
          : 'passes'
    const missing = requires.filter((capability) => upstreamCapabilities[capability] === false)
    const plain = upstreamExpectedFailures[id]
    const custom = upstreamCustomNamesExpectedFailures[id]
    const reasons = [
      plain,
      custom !== undefined && custom !== plain ? `With custom names: ${custom}` : undefined,
    ].filter((reason) => reason !== undefined)
    const why = reasons.length > 0 ? reasons.join('. ') : '–'
    return `| \`${id}\` | ${ours} | ${upstreamStatus(missing, upstreamExpectedFailures, id)} | ${upstreamStatus(missing, upstreamCustomNamesExpectedFailures, id)} | ${why} |`
  })
  return [
    '| test id | `@auth-dynamo/adapter` | `@auth/dynamodb-adapter` 2.11.3 | 2.11.3, custom names | why 2.11.3 fails |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n')
}
