import type { AttributeMap } from './attribute-value.js'
import { type ConditionNode, evaluateCondition } from './condition-evaluator.js'
import {
  type DynaliteStoreState,
  dynaliteDb,
  type NodeCallback,
  type StoredIndex,
  type StoredTable,
} from './dynalite-internals.js'
import { type LegacyCondition, matchesLegacyConditions } from './legacy-conditions.js'
import { currentRequest } from './request-context.js'

type QueryTable = (
  store: DynaliteStoreState,
  table: StoredTable,
  data: Record<string, unknown>,
  options: Record<string, unknown>,
  isLocal: boolean | undefined,
  fetchFromItemDb: boolean,
  startKeyNames: string[],
  callback: NodeCallback<QueryResult>,
) => void

/** What dynalite's `queryTable` answers: one page of a Query or Scan. */
interface QueryResult {
  Items?: AttributeMap[]
  Count?: number
  ScannedCount?: number
  LastEvaluatedKey?: AttributeMap
  ConsumedCapacity?: unknown
}

/** What Query and Scan carry that decides which items come back, and how. */
interface ReadRequest {
  IndexName?: string
  KeyConditions?: unknown
  Select?: string
  AttributesToGet?: string[]
  QueryFilter?: Record<string, LegacyCondition>
  ScanFilter?: Record<string, LegacyCondition>
  ConditionalOperator?: string
  TotalSegments?: number
  Segment?: number
  _filter?: { expression: ConditionNode; pathHeads: Record<string, boolean> }
  _projection?: { paths: Array<ReadonlyArray<string | number>> }
}

/** dynalite spreads a table over 4,096 hash buckets; a Scan segment is a run of them. */
const hashBuckets = 4096

/**
 * Wraps dynalite's `queryTable`, which Query and Scan call to read one page: dynalite reads the
 * page (keys, Limit, the 1 MB page size, ExclusiveStartKey, capacity) without the request's
 * filter, projection and Select, and this applies them as DynamoDB does:
 *
 * - the filter (FilterExpression, QueryFilter, ScanFilter) by the harness's evaluator, after
 *   Limit: `ScannedCount` counts what was read, `Count` what passed (dynalite's filter threw on
 *   items missing an attribute the filter names, which ended the host process);
 * - `Select: 'COUNT'` answers no `Items`; the projection (ProjectionExpression, AttributesToGet)
 *   picks attributes from each item that passed;
 * - a global secondary index answers only what it projects: asking it for other attributes is
 *   refused ("Global secondary index X does not project [a, b]"), and a Query filtering a
 *   secondary index on attributes it does not project is refused ("Secondary index X does not
 *   project one or more filter attributes: [a]"), both in DynamoDB Local 3.3's words; a local
 *   secondary index fetches unprojected attributes from the table, as DynamoDB does;
 * - a Scan segment that holds no hash bucket (TotalSegments over 4,096) is empty; dynalite's
 *   arithmetic wrapped such a last segment round to the whole table.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.FilterExpression.html
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html#LSI.Projections
 */
export function installQueryTableOverride(): void {
  const queryTable = dynaliteDb.queryTable as QueryTable
  const readPage: QueryTable = (
    store,
    table,
    data,
    options,
    isLocal,
    fetchFromItemDb,
    startKeyNames,
    callback,
  ) => {
    const request = data as Record<string, unknown> & ReadRequest
    const isQuery = request.KeyConditions !== undefined
    let fetch = fetchFromItemDb
    const index = request.IndexName ? findIndex(table, request.IndexName) : undefined
    if (index) {
      const projected = projectedAttributes(index, table)
      const unprojected = projected ? missingFrom(projected, projectionHeads(request)) : []
      if (unprojected.length > 0) {
        if (!isLocal) {
          return callback(
            dynaliteDb.validationError(
              `One or more parameter values were invalid: Global secondary index ${index.IndexName} does not project [${unprojected.join(', ')}]`,
            ),
          )
        }
        fetch = true
      }
      const unfiltered = projected && isQuery ? missingFrom(projected, filterHeads(request)) : []
      if (unfiltered.length > 0) {
        return callback(
          dynaliteDb.validationError(
            `One or more parameter values were invalid: Secondary index ${index.IndexName} does not project one or more filter attributes: [${unfiltered.sort().join(', ')}]`,
          ),
        )
      }
    }
    const pageOptions =
      !isQuery && segmentIsEmpty(request) ? { ...options, gt: '~', lt: '~' } : options
    const {
      _filter,
      _projection,
      QueryFilter,
      ScanFilter,
      AttributesToGet,
      Select,
      ...pageRequest
    } = request
    const context = currentRequest()
    queryTable(
      store,
      table,
      pageRequest,
      pageOptions,
      isLocal,
      fetch,
      startKeyNames,
      (error, page) => {
        if (error) return callback(error)
        let answer: QueryResult
        try {
          answer = applyRequest(page ?? {}, request)
        } catch (thrown) {
          // This runs in a stream callback of dynalite's, outside any guard: a throw here must
          // fail the request, never escape to the process.
          if (context) return context.fail(thrown)
          return callback(thrown as Error)
        }
        callback(null, answer)
      },
    )
  }
  dynaliteDb.queryTable = readPage
}

function applyRequest(page: QueryResult, request: ReadRequest): QueryResult {
  const read = page.Items ?? []
  const legacyFilter = request.QueryFilter ?? request.ScanFilter
  const passed = request._filter
    ? read.filter((item) =>
        evaluateCondition((request._filter as { expression: ConditionNode }).expression, item),
      )
    : legacyFilter
      ? read.filter((item) =>
          matchesLegacyConditions(legacyFilter, request.ConditionalOperator, item),
        )
      : read
  const paths = request._projection?.paths ?? request.AttributesToGet
  const answer: QueryResult = {}
  if (request.Select !== 'COUNT') {
    answer.Items = paths
      ? passed.map((item) => dynaliteDb.mapPaths(paths, item as never) as AttributeMap)
      : passed
  }
  answer.Count = passed.length
  answer.ScannedCount = page.ScannedCount ?? read.length
  if (page.LastEvaluatedKey) answer.LastEvaluatedKey = page.LastEvaluatedKey
  if (page.ConsumedCapacity) answer.ConsumedCapacity = page.ConsumedCapacity
  return answer
}

function findIndex(table: StoredTable, name: string): StoredIndex | undefined {
  const indexes = [
    ...((table.GlobalSecondaryIndexes as StoredIndex[] | undefined) ?? []),
    ...((table.LocalSecondaryIndexes as StoredIndex[] | undefined) ?? []),
  ]
  return indexes.find((index) => index.IndexName === name)
}

/** The attributes an index holds, or undefined when it holds them all. */
function projectedAttributes(index: StoredIndex, table: StoredTable): Set<string> | undefined {
  if (index.Projection.ProjectionType === 'ALL') return undefined
  return new Set([
    ...table.KeySchema.map((key) => key.AttributeName),
    ...index.KeySchema.map((key) => key.AttributeName),
    ...(index.Projection.NonKeyAttributes ?? []),
  ])
}

/** The top-level attributes a projection asks for, in order, each once. */
function projectionHeads(request: ReadRequest): string[] {
  const paths = request._projection?.paths ?? request.AttributesToGet ?? []
  return [...new Set(paths.map((path) => String(Array.isArray(path) ? path[0] : path)))]
}

function filterHeads(request: ReadRequest): string[] {
  if (request._filter) return Object.keys(request._filter.pathHeads)
  return Object.keys(request.QueryFilter ?? {})
}

function missingFrom(projected: Set<string> | undefined, names: string[]): string[] {
  return projected ? names.filter((name) => !projected.has(name)) : []
}

function segmentIsEmpty({ TotalSegments: total, Segment: segment }: ReadRequest): boolean {
  if (total === undefined || segment === undefined || total <= 1) return false
  const first = Math.ceil((hashBuckets * segment) / total)
  const last = Math.ceil((hashBuckets * (segment + 1)) / total) - 1
  return first > last
}
