import { setTimeout as sleep } from 'node:timers/promises'
import {
  type ActionValidation,
  dynaliteValidations,
  loadAction,
  type StoredIndex,
  type StoredTable,
} from '../../engine/dynalite-internals.js'
import { type EngineResponse, errorResponse, okResponse } from '../../engine/engine-response.js'
import type { OperationCall } from '../feature-module.js'
import { failureResponse, runGuarded } from '../transactions/store-calls.js'
import {
  backfillIndex,
  dropIndex,
  type IndexCreate,
  indexCreateProblem,
  mergedDefinitions,
  newIndex,
  usedDefinitions,
} from './global-index-changes.js'
import { readStoredTable, updateStoredTable } from './stored-table.js'
import {
  applyStream,
  checkStreamSpecification,
  type StreamRequest,
  streamChangeProblem,
} from './stream-specification.js'
import { tableStatistics } from './table-statistics.js'

type GlobalIndexUpdate = {
  Create?: IndexCreate
  Delete?: { IndexName: string }
  Update?: Record<string, unknown>
}

type TypeNode = Record<string, unknown>

/** A node of dynalite's nested validation types. */
function at(node: TypeNode, ...path: string[]): TypeNode {
  return path.reduce((current, key) => current[key] as TypeNode, node)
}

/** UpdateTable's validation: dynalite's, with what it lacks (see {@link updateTableTypes}). */
let validation: ActionValidation | undefined

/**
 * dynalite's UpdateTable types, plus the members the emulator handles itself:
 * AttributeDefinitions (for a new index), DeletionProtectionEnabled and StreamSpecification; and
 * an index Create needs no ProvisionedThroughput (an on-demand table's index has none).
 */
function updateTableTypes(): ActionValidation {
  if (validation) return validation
  const types = structuredClone(loadAction('UpdateTable').validation.types) as TypeNode
  const definitions = structuredClone(
    loadAction('CreateTable').validation.types.AttributeDefinitions,
  ) as Record<string, unknown>
  delete definitions.notNull
  types.AttributeDefinitions = definitions
  types.DeletionProtectionEnabled = { type: 'Boolean' }
  types.StreamSpecification = {
    type: 'FieldStruct<StreamSpecification>',
    children: { StreamEnabled: { type: 'Boolean' }, StreamViewType: { type: 'String' } },
  }
  const create = at(
    types,
    'GlobalSecondaryIndexUpdates',
    'children',
    'children',
    'Create',
    'children',
  )
  delete at(create, 'ProvisionedThroughput').notNull
  at(create, 'KeySchema', 'children', 'children', 'KeyType').enum = ['HASH', 'RANGE']
  validation = { types, custom: loadAction('UpdateTable').validation.custom }
  return validation
}

/**
 * UpdateTable: dynalite's own for throughput, billing mode and index throughput; the emulator's
 * for what dynalite lacks: creating a global secondary index (filled from the table's items before
 * the answer, on on-demand and provisioned tables) and deleting one, DeletionProtectionEnabled
 * and StreamSpecification. Every part of a request is validated before any is applied. The
 * caller holds the namespace alone, so no write lands while an index is filled.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html
 */
export async function updateTable(call: OperationCall): Promise<EngineResponse> {
  const { namespace, payload } = call
  const store = namespace.engine.store
  const { types, custom } = updateTableTypes()
  let data: Record<string, unknown>
  try {
    data = dynaliteValidations.checkTypes({ ...payload }, types)
    dynaliteValidations.checkValidations(
      data,
      types,
      (validated, validatingStore) => {
        const ours =
          validated.DeletionProtectionEnabled !== undefined ||
          validated.StreamSpecification !== undefined
        const updates =
          (validated.GlobalSecondaryIndexUpdates as GlobalIndexUpdate[] | undefined) ?? []
        const dynalites =
          validated.ProvisionedThroughput !== undefined ||
          validated.BillingMode !== undefined ||
          updates.length > 0
        if (!ours && !dynalites) return 'Nothing to update'
        return dynalites ? custom?.(validated, validatingStore) : undefined
      },
      store,
    )
  } catch (error) {
    return failureResponse(error, 'throw')
  }

  const updates = (data.GlobalSecondaryIndexUpdates as GlobalIndexUpdate[] | undefined) ?? []
  const creates = updates.flatMap((update) => (update.Create ? [update.Create] : []))
  const deletes = updates.flatMap((update) => (update.Delete ? [update.Delete] : []))
  const throughputUpdates = updates.filter((update) => update.Update)
  if (creates.length + deletes.length > 1) {
    return errorResponse(
      'LimitExceededException',
      'Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table',
    )
  }
  let stream: StreamRequest | undefined
  if (data.StreamSpecification !== undefined) {
    const checked = checkStreamSpecification(data.StreamSpecification as Record<string, unknown>)
    if (typeof checked === 'string') return errorResponse('ValidationException', checked)
    stream = checked
  }
  const protection = data.DeletionProtectionEnabled as boolean | undefined
  const tableName = data.TableName as string

  return runGuarded(async () => {
    const table = await readStoredTable(store, tableName)
    if (!table) {
      return errorResponse(
        'ResourceNotFoundException',
        `Requested resource not found: Table: ${tableName} not found`,
      )
    }
    const create = creates[0]
    const definitions = (data.AttributeDefinitions as StoredTable['AttributeDefinitions']) ?? []
    if (create) {
      const problem = indexCreateProblem(table, create, definitions)
      if (problem) return errorResponse(problem.type, problem.message)
    }
    const drop = deletes[0]
    if (
      drop &&
      !(table.GlobalSecondaryIndexes ?? []).some((index) => index.IndexName === drop.IndexName)
    ) {
      return errorResponse('ResourceNotFoundException', 'Requested resource not found')
    }
    for (const update of throughputUpdates) {
      const name = (update.Update as { IndexName: string }).IndexName
      if (!(table.GlobalSecondaryIndexes ?? []).some((index) => index.IndexName === name)) {
        return errorResponse('ValidationException', 'Invalid global secondary index name')
      }
    }
    if (stream) {
      const problem = streamChangeProblem(table, stream)
      if (problem) return errorResponse('ValidationException', problem)
    }

    // dynalite's part first: it may still refuse (a throughput that does not change...).
    const billing =
      (table.BillingModeSummary as { BillingMode?: string } | undefined)?.BillingMode ??
      'PROVISIONED'
    const ours =
      create !== undefined || drop !== undefined || stream !== undefined || protection !== undefined
    const dynalitePart =
      data.ProvisionedThroughput !== undefined ||
      throughputUpdates.length > 0 ||
      (data.BillingMode !== undefined && (data.BillingMode !== billing || !ours))
    if (dynalitePart) {
      const answered = await namespace.engine.run('UpdateTable', {
        TableName: tableName,
        ...(payload.ProvisionedThroughput !== undefined
          ? { ProvisionedThroughput: payload.ProvisionedThroughput }
          : {}),
        ...(payload.BillingMode !== undefined ? { BillingMode: payload.BillingMode } : {}),
        ...(throughputUpdates.length > 0 ? { GlobalSecondaryIndexUpdates: throughputUpdates } : {}),
      })
      if (answered.statusCode !== 200) return answered
      // dynalite rewrites the description on a timer once the change is ACTIVE; anything
      // written before then would be overwritten.
      await settled(call, tableName)
    }

    const statistics = tableStatistics(namespace.engine)
    if (!ours) {
      const current = await readStoredTable(store, tableName)
      if (!current) return okResponse({})
      await statistics.describe(current)
      current.DeletionProtectionEnabled ??= false
      return okResponse({ TableDescription: current })
    }

    let created: StoredIndex | undefined
    if (create) {
      const withIndex: StoredTable = {
        ...table,
        AttributeDefinitions: mergedDefinitions(table, definitions),
      }
      created = newIndex(withIndex, create)
      withIndex.GlobalSecondaryIndexes = [...(table.GlobalSecondaryIndexes ?? []), created]
      try {
        await backfillIndex(store, withIndex, created)
      } catch (error) {
        await dropIndex(store, tableName, created.IndexName)
        throw error
      }
    }
    let dropped: StoredIndex | undefined
    const now = namespace.clock.now()
    const stored = await updateStoredTable(store, tableName, (current) => {
      if (created) {
        current.AttributeDefinitions = mergedDefinitions(current, definitions)
        current.GlobalSecondaryIndexes = [...(current.GlobalSecondaryIndexes ?? []), created]
      }
      if (drop) {
        dropped = current.GlobalSecondaryIndexes?.find(
          (index) => index.IndexName === drop.IndexName,
        )
        current.GlobalSecondaryIndexes = current.GlobalSecondaryIndexes?.filter(
          (index) => index.IndexName !== drop.IndexName,
        )
        if (current.GlobalSecondaryIndexes?.length === 0) delete current.GlobalSecondaryIndexes
        current.AttributeDefinitions = usedDefinitions(current)
      }
      if (protection !== undefined) current.DeletionProtectionEnabled = protection
      if (stream) applyStream(current, stream, now)
    })
    if (!stored) {
      return errorResponse(
        'ResourceNotFoundException',
        `Requested resource not found: Table: ${tableName} not found`,
      )
    }
    if (drop) await dropIndex(store, tableName, drop.IndexName)
    if (create || drop) statistics.invalidate(tableName)

    // The answer shows the index changes as the service does, in progress: the new index
    // CREATING (it is ACTIVE, and queryable, from now on) and the deleted one DELETING.
    const described = structuredClone(stored)
    await statistics.describe(described)
    described.DeletionProtectionEnabled ??= false
    if (created) {
      const shown = described.GlobalSecondaryIndexes?.find(
        (index) => index.IndexName === created?.IndexName,
      )
      if (shown) {
        shown.IndexStatus = 'CREATING'
        shown.Backfilling = false
        delete shown.IndexSizeBytes
        delete shown.ItemCount
      }
    }
    if (dropped) {
      const { IndexSizeBytes: _size, ItemCount: _count, ...rest } = dropped
      described.GlobalSecondaryIndexes = [
        ...(described.GlobalSecondaryIndexes ?? []),
        { ...rest, IndexStatus: 'DELETING' },
      ]
    }
    return okResponse({ TableDescription: described })
  })
}

// dynalite's UpdateTable settles on a 0 ms timer; this bounds the wait for it.
const settleAttempts = 1000

async function settled(call: OperationCall, tableName: string): Promise<void> {
  for (let attempt = 0; attempt < settleAttempts; attempt++) {
    const table = await readStoredTable(call.namespace.engine.store, tableName)
    const busy =
      table?.TableStatus === 'UPDATING' ||
      (table?.GlobalSecondaryIndexes ?? []).some((index) => index.IndexStatus === 'UPDATING')
    if (!busy) return
    await sleep(attempt < 5 ? 0 : 1)
  }
}
