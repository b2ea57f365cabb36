import { createTableInput, type DynamoDBAdapterOptions } from '@auth-dynamo/adapter'
import type { TableDefinition } from '@auth-dynamo/harness'

/**
 * The table `createTableInput()` of the adapter makes (its CreateTable input plus the TTL of its
 * UpdateTimeToLive input), in the harness's table definition shape.
 *
 * @param options - the adapter options
 */
export function adapterTableDefinition(options?: DynamoDBAdapterOptions): TableDefinition {
  const { table, timeToLive } = createTableInput(options)
  const ttl = timeToLive.TimeToLiveSpecification
  return {
    ...table,
    TableName: table.TableName ?? '',
    TimeToLiveSpecification: {
      AttributeName: ttl?.AttributeName ?? '',
      Enabled: ttl?.Enabled ?? false,
    },
  }
}
