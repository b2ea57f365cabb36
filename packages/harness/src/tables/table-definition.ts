import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb'

/** TTL as CloudFormation's `AWS::DynamoDB::Table` writes it. */
export interface TimeToLiveSpecification {
  /** The Number attribute holding the expiry time in epoch seconds. */
  AttributeName: string
  /** Whether the sweeper deletes expired items of this table. */
  Enabled: boolean
}

/**
 * A table to create in the emulator: any DynamoDB `CreateTable` input, plus the
 * `TimeToLiveSpecification` that CloudFormation templates put beside it.
 */
export type TableDefinition = CreateTableCommandInput & {
  TableName: string
  TimeToLiveSpecification?: TimeToLiveSpecification
}
