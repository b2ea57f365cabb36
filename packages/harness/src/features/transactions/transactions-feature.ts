import type { EngineResponse } from '../../engine/engine-response.js'
import type { FeatureModule, OperationCall } from '../feature-module.js'
import { transactGetItems } from './transact-get-items.js'
import { transactWriteItems } from './transact-write-items.js'

/**
 * `TransactWriteItems` and `TransactGetItems` (dynalite has neither). Both hold their
 * namespace's lock alone: every other request holds it shared, so single-item writes,
 * BatchWriteItem, TTL sweeps and resets run wholly before or wholly after a transaction, and
 * no reader ever sees half of one.
 */
export const transactionsFeature: FeatureModule = {
  name: 'transactions',
  operations: new Set(['TransactWriteItems', 'TransactGetItems']),
  lockMode: () => 'exclusive',
  handle(call: OperationCall): Promise<EngineResponse> {
    return call.operation === 'TransactWriteItems'
      ? transactWriteItems(call)
      : transactGetItems(call)
  },
}
