import { setTimeout as sleep } from 'node:timers/promises'
import { type EngineResponse, errorTypeOf } from '../engine/engine-response.js'
import type { FeatureModule, OperationCall } from './feature-module.js'

// dynalite flips a table to ACTIVE (or removes a deleted one) on a 0 ms timer after answering;
// this bounds the wait for that timer, which fires within a millisecond or two.
const settleAttempts = 1000

/**
 * CreateTable and DeleteTable that answer only once the change is done: a table is ACTIVE (and
 * usable) the moment CreateTable answers, and gone the moment DeleteTable answers, as with
 * DynamoDB Local. dynalite answers first and settles on a timer, so a PutItem sent right after
 * CreateTable failed in about half of the tries.
 */
export const tableLifecycleFeature: FeatureModule = {
  name: 'table lifecycle',
  operations: new Set(['CreateTable', 'DeleteTable']),
  async handle(call: OperationCall): Promise<EngineResponse> {
    const { namespace, payload } = call
    const response = await namespace.engine.run(
      call.operation === 'CreateTable' ? 'CreateTable' : 'DeleteTable',
      payload,
    )
    if (response.statusCode !== 200) return response
    const tableName = String(payload.TableName)
    if (call.operation === 'CreateTable') {
      const table = await waitFor(call, tableName, (status) => status === 'ACTIVE')
      return table ? { statusCode: 200, body: { TableDescription: table } } : response
    }
    namespace.ttl.disable(tableName)
    await waitFor(call, tableName, (status) => status === undefined)
    return response
  },
}

async function waitFor(
  call: OperationCall,
  tableName: string,
  settled: (status: string | undefined) => boolean,
): Promise<Record<string, unknown> | undefined> {
  for (let attempt = 0; attempt < settleAttempts; attempt++) {
    const described = await call.namespace.engine.run('DescribeTable', { TableName: tableName })
    const table =
      described.statusCode === 200 ? (described.body.Table as Record<string, unknown>) : undefined
    if (described.statusCode !== 200 && errorTypeOf(described) !== 'ResourceNotFoundException') {
      return undefined
    }
    if (settled(table?.TableStatus as string | undefined)) return table
    await sleep(attempt < 5 ? 0 : 1)
  }
  return undefined
}
