import { setTimeout as sleep } from 'node:timers/promises'
import type { StoredTable } from '../engine/dynalite-internals.js'
import {
  type EngineResponse,
  errorResponse,
  errorTypeOf,
  okResponse,
} from '../engine/engine-response.js'
import { internalPrincipal } from '../namespaces/namespace.js'
import { createTableExtras } from './control-plane/create-table.js'
import { describeLimits } from './control-plane/describe-limits.js'
import { readStoredTable, updateStoredTable } from './control-plane/stored-table.js'
import { applyStream } from './control-plane/stream-specification.js'
import { tableStatistics } from './control-plane/table-statistics.js'
import { updateTable } from './control-plane/update-table.js'
import type { FeatureModule, OperationCall } from './feature-module.js'
import { runGuarded, writeBatch } from './transactions/store-calls.js'

// dynalite flips a table to ACTIVE (or removes a deleted one) on a 0 ms timer after answering;
// this bounds the wait for that timer, which fires within a millisecond or two.
const settleAttempts = 1000

/**
 * The table operations, on top of dynalite's:
 * - CreateTable and DeleteTable answer only once the change is done: a table is ACTIVE (and
 *   usable) the moment CreateTable answers, and gone the moment DeleteTable answers, as with
 *   DynamoDB Local (dynalite answers first and settles on a timer, so a PutItem sent right after
 *   CreateTable failed in about half of the tries).
 * - DeletionProtectionEnabled is stored and enforced: DeleteTable of a protected table is
 *   refused, except for the emulator's own calls (a reset, `emulator.deleteTable()`).
 * - StreamSpecification is stored and described with LatestStreamArn and LatestStreamLabel (no
 *   stream records are produced).
 * - DescribeTable reports ItemCount, TableSizeBytes and each index's counts as they are now.
 * - UpdateTable creates (and fills) and deletes global secondary indexes, and changes deletion
 *   protection and streams (see `control-plane/update-table.ts`); it holds the namespace alone.
 * - DescribeLimits answers the service's default quotas.
 */
export const tableLifecycleFeature: FeatureModule = {
  name: 'table lifecycle',
  operations: new Set([
    'CreateTable',
    'DeleteTable',
    'DescribeTable',
    'UpdateTable',
    'DescribeLimits',
  ]),
  lockMode: (operation) => (operation === 'UpdateTable' ? 'exclusive' : 'shared'),
  handle(call: OperationCall): Promise<EngineResponse> {
    switch (call.operation) {
      case 'CreateTable':
        return createTable(call)
      case 'DeleteTable':
        return deleteTable(call)
      case 'DescribeTable':
        return describeTable(call)
      case 'UpdateTable':
        return updateTable(call)
      default:
        return Promise.resolve(describeLimits())
    }
  },
}

async function createTable(call: OperationCall): Promise<EngineResponse> {
  const { namespace, payload } = call
  const extras = createTableExtras(payload)
  if ('statusCode' in extras) return extras
  const response = await namespace.engine.run('CreateTable', payload)
  if (response.statusCode !== 200) return response
  const tableName = String(payload.TableName)
  const table = await waitFor(call, tableName, (status) => status === 'ACTIVE')
  if (!table) return response
  return runGuarded(async () => {
    const now = namespace.clock.now()
    const stored = await updateStoredTable(namespace.engine.store, tableName, (current) => {
      current.DeletionProtectionEnabled = extras.deletionProtection
      if (extras.stream) applyStream(current, extras.stream, now)
    })
    if (extras.tags.length > 0) {
      await writeBatch(
        namespace.engine.store.getTagDb(tableName),
        extras.tags.map(({ Key, Value }) => ({ type: 'put', key: Key, value: Value })),
      )
    }
    return okResponse({ TableDescription: stored ?? table })
  })
}

async function deleteTable(call: OperationCall): Promise<EngineResponse> {
  const { namespace, payload } = call
  if (call.principal !== internalPrincipal && typeof payload.TableName === 'string') {
    const protectedTable = await runGuarded(async () => {
      const table = await readStoredTable(namespace.engine.store, payload.TableName as string)
      return table?.DeletionProtectionEnabled === true
        ? errorResponse(
            'ValidationException',
            'Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.',
          )
        : okResponse({})
    })
    if (protectedTable.statusCode !== 200) return protectedTable
  }
  const response = await namespace.engine.run('DeleteTable', payload)
  if (response.statusCode !== 200) return response
  const tableName = String(payload.TableName)
  namespace.ttl.disable(tableName)
  tableStatistics(namespace.engine).invalidate(tableName)
  await waitFor(call, tableName, (status) => status === undefined)
  return response
}

async function describeTable(call: OperationCall): Promise<EngineResponse> {
  const response = await call.namespace.engine.run('DescribeTable', call.payload)
  if (response.statusCode !== 200) return response
  const table = response.body.Table as StoredTable
  table.DeletionProtectionEnabled ??= false
  // The emulator's own calls (the TTL sweeper's, say) only need the table's schema.
  if (call.principal === internalPrincipal) return response
  return runGuarded(async () => {
    await tableStatistics(call.namespace.engine).describe(table)
    return okResponse({ Table: table })
  })
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
