import { type EngineResponse, okResponse } from '../../engine/engine-response.js'

/**
 * DescribeLimits: the service's default quotas, which DynamoDB Local answers too.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#default-limits-throughput-capacity-modes
 */
export function describeLimits(): EngineResponse {
  return okResponse({
    AccountMaxReadCapacityUnits: 80_000,
    AccountMaxWriteCapacityUnits: 80_000,
    TableMaxReadCapacityUnits: 40_000,
    TableMaxWriteCapacityUnits: 40_000,
  })
}
