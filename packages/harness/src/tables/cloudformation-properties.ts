import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb'
import type { TableDefinition, TimeToLiveSpecification } from './table-definition.js'

// Properties CloudFormation's AWS::DynamoDB::Table accepts that CreateTable does not; the
// emulator has nothing to do with them, so they are dropped rather than rejected.
const cloudFormationOnly = [
  'TimeToLiveSpecification',
  'PointInTimeRecoverySpecification',
  'ContributorInsightsSpecification',
  'KinesisStreamSpecification',
  'ImportSourceSpecification',
  'ResourcePolicy',
] as const

/** Splits a table definition into the CreateTable input and its TTL specification. */
export function toCreateTableInput(definition: TableDefinition): {
  input: CreateTableCommandInput
  timeToLive: TimeToLiveSpecification | undefined
} {
  const input: Record<string, unknown> = { ...definition }
  for (const property of cloudFormationOnly) delete input[property]

  // CloudFormation writes a stream as { StreamViewType }; CreateTable also wants StreamEnabled.
  const stream = input.StreamSpecification as Record<string, unknown> | undefined
  if (stream && stream.StreamEnabled === undefined) {
    input.StreamSpecification = { StreamEnabled: true, ...stream }
  }
  if (Array.isArray(input.GlobalSecondaryIndexes)) {
    input.GlobalSecondaryIndexes = input.GlobalSecondaryIndexes.map(
      ({ ContributorInsightsSpecification: _ignored, ...index }) => index,
    )
  }
  return {
    input: input as unknown as CreateTableCommandInput,
    timeToLive: definition.TimeToLiveSpecification,
  }
}
