import type { CreateTableCommandInput, StreamViewType } from '@aws-sdk/client-dynamodb'

/** TTL as CloudFormation's `AWS::DynamoDB::Table` writes it. */
export interface TimeToLiveSpecification {
  /** The Number attribute holding the expiry time in epoch seconds. */
  AttributeName: string
  /** Whether the sweeper deletes expired items of this table. */
  Enabled: boolean
}

/**
 * A table to create in the emulator: any DynamoDB `CreateTable` input, or the `Properties` of a
 * CloudFormation `AWS::DynamoDB::Table` (its TTL is honoured; the properties the emulator has
 * no use for, such as point-in-time recovery, are accepted and ignored).
 */
export type TableDefinition = Omit<CreateTableCommandInput, 'StreamSpecification'> & {
  TableName: string
  TimeToLiveSpecification?: TimeToLiveSpecification
  /** CloudFormation leaves out `StreamEnabled`; the emulator fills it in. */
  StreamSpecification?: { StreamEnabled?: boolean; StreamViewType?: StreamViewType }
  PointInTimeRecoverySpecification?: unknown
  ContributorInsightsSpecification?: unknown
  KinesisStreamSpecification?: unknown
  ImportSourceSpecification?: unknown
}
