import type { CompareOptions } from './diff-case.js'
import type { RawResponse } from './send-raw.js'

/** A step's answer reduced to what is compared. */
export interface Outcome {
  status: number
  /** The error type: the part of `__type` after `#`. */
  error?: string
  /** The error message, only when the step compares messages. */
  message?: string
  /** What an error carries besides its message (CancellationReasons, Item). */
  details?: Record<string, unknown>
  /** The compared projection of a successful answer. */
  body?: unknown
  /** A body that is not JSON (its text, when messages are compared). */
  nonJson?: string | true
}

// Table and index descriptions: what the comparison looks at. Left out, as they legitimately
// vary: CreationDateTime, TableId, LastIncrease/DecreaseDateTime, NumberOfDecreasesToday,
// LastUpdateToPayPerRequestDateTime, TableClassSummary, WarmThroughput, TableThroughputModeSummary.
const operationsAnsweringInTransition = new Set(['CreateTable', 'DeleteTable', 'UpdateTable'])

/**
 * Reduces an answer to what the suite compares: status, error type, and the data of a successful
 * answer with what legitimately varies taken out (timestamps, ids, ARN region and account,
 * stream labels, the order of set members, the order of Scan and BatchGetItem items).
 *
 * @param op - the operation the step sent
 * @param response - the raw answer, with table names already put back to placeholders
 * @param request - the request body sent, when it was JSON
 */
export function normaliseOutcome(
  op: string,
  response: RawResponse,
  compare: CompareOptions = {},
  request?: unknown,
): Outcome {
  const parsed = parseJson(response.text)
  if (parsed === undefined) {
    return {
      status: response.status,
      nonJson: compare.message ? response.text : true,
    }
  }
  const body = normaliseValue(parsed) as Record<string, unknown>
  if (response.status >= 300 || typeof body.__type === 'string') {
    return normaliseError(response.status, body, compare)
  }
  if (compare.fields) {
    return {
      status: response.status,
      body: Object.fromEntries(compare.fields.map((path) => [path, pick(body, path)])),
    }
  }
  return {
    status: response.status,
    body: projectSuccess(op, body, compare, capacityAsked(request)),
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function normaliseError(
  status: number,
  body: Record<string, unknown>,
  compare: CompareOptions,
): Outcome {
  const type = typeof body.__type === 'string' ? body.__type : ''
  const outcome: Outcome = { status, error: type.slice(type.lastIndexOf('#') + 1) }
  // The service spells it `message` or `Message` depending on the error; SDKs read both.
  const message = body.message ?? body.Message
  if (compare.message) outcome.message = typeof message === 'string' ? message : ''
  const details: Record<string, unknown> = {}
  if (Array.isArray(body.CancellationReasons)) {
    details.CancellationReasons = body.CancellationReasons.map(
      (reason: Record<string, unknown>) => {
        const kept: Record<string, unknown> = { Code: reason.Code }
        if (reason.Item !== undefined) kept.Item = reason.Item
        if (compare.message && reason.Message !== undefined) kept.Message = reason.Message
        return kept
      },
    )
  }
  if (body.Item !== undefined) details.Item = body.Item
  if (Object.keys(details).length > 0) outcome.details = details
  return outcome
}

function capacityAsked(request: unknown): boolean {
  if (!isRecord(request)) return false
  const asked = request.ReturnConsumedCapacity
  return asked === 'TOTAL' || asked === 'INDEXES'
}

function projectSuccess(
  op: string,
  body: Record<string, unknown>,
  compare: CompareOptions,
  withCapacity: boolean,
): Record<string, unknown> {
  const projected: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(body)) {
    switch (key) {
      case 'ConsumedCapacity':
        // Returned only when asked for (API reference, ReturnConsumedCapacity); DynamoDB Local
        // also returns it unasked, for a DeleteItem of a missing item.
        // Operations on several tables answer one entry per table, in no particular order.
        if (withCapacity) {
          projected.ConsumedCapacity = Array.isArray(value) ? sortBy(value, 'TableName') : value
        }
        break
      case 'Items':
        projected.Items =
          op === 'Scan' && !compare.ordered && Array.isArray(value) ? sortCanonically(value) : value
        break
      case 'Responses':
        // BatchGetItem answers per table in no particular order; TransactGetItems in request order.
        projected.Responses =
          op === 'BatchGetItem' && isRecord(value)
            ? Object.fromEntries(
                Object.entries(value).map(([table, items]) => [
                  table,
                  Array.isArray(items) ? sortCanonically(items) : items,
                ]),
              )
            : value
        break
      case 'Table':
      case 'TableDescription':
        projected[key] = projectTable(value, !operationsAnsweringInTransition.has(op))
        break
      case 'TableNames':
        // Other cases create tables at the same time: only this case's tables are compared.
        projected.TableNames = Array.isArray(value)
          ? value.filter((name) => typeof name === 'string' && name.startsWith('$')).sort()
          : value
        break
      case 'LastEvaluatedTableName':
        break
      default:
        projected[key] = value
    }
  }
  return projected
}

function projectTable(value: unknown, withStatus: boolean): unknown {
  if (!isRecord(value)) return value
  const billing = isRecord(value.BillingModeSummary)
    ? value.BillingModeSummary.BillingMode
    : undefined
  const table: Record<string, unknown> = {
    TableName: value.TableName,
    KeySchema: value.KeySchema,
    AttributeDefinitions: sortBy(value.AttributeDefinitions, 'AttributeName'),
    BillingMode: billing ?? 'PROVISIONED',
    // Answers to CreateTable, UpdateTable and DeleteTable are mid-transition on the service (an
    // UpdateTable may still show the old throughput); DescribeTable's is compared.
    ProvisionedThroughput: withStatus ? throughput(value.ProvisionedThroughput) : undefined,
    ItemCount: value.ItemCount,
    TableSizeBytes: value.TableSizeBytes,
    TableArn: value.TableArn,
    GlobalSecondaryIndexes: projectIndexes(value.GlobalSecondaryIndexes, withStatus),
    LocalSecondaryIndexes: projectIndexes(value.LocalSecondaryIndexes, false),
    StreamSpecification: value.StreamSpecification,
    LatestStreamArn: value.LatestStreamArn,
    LatestStreamLabel: value.LatestStreamLabel,
    DeletionProtectionEnabled: value.DeletionProtectionEnabled,
  }
  // CreateTable, UpdateTable and DeleteTable answer mid-transition on the service (CREATING,
  // UPDATING, DELETING); DynamoDB Local answers ACTIVE at once, as its usage notes say. Only
  // DescribeTable's status is compared.
  if (withStatus) table.TableStatus = value.TableStatus
  return dropUndefined(table)
}

function projectIndexes(value: unknown, withStatus: boolean): unknown {
  if (!Array.isArray(value)) return value
  return (sortBy(value, 'IndexName') as Array<Record<string, unknown>>).map((index) =>
    dropUndefined({
      IndexName: index.IndexName,
      KeySchema: index.KeySchema,
      Projection: isRecord(index.Projection)
        ? dropUndefined({
            ProjectionType: index.Projection.ProjectionType,
            NonKeyAttributes: Array.isArray(index.Projection.NonKeyAttributes)
              ? [...index.Projection.NonKeyAttributes].sort()
              : undefined,
          })
        : index.Projection,
      IndexStatus: withStatus ? index.IndexStatus : undefined,
      // An on-demand table's index: the service describes 0/0, DynamoDB Local leaves it out.
      ProvisionedThroughput:
        index.IndexStatus === undefined ? undefined : throughput(index.ProvisionedThroughput),
      ItemCount: index.ItemCount,
      IndexSizeBytes: index.IndexSizeBytes,
      IndexArn: index.IndexArn,
    }),
  )
}

function throughput(value: unknown): unknown {
  if (value === undefined) return { ReadCapacityUnits: 0, WriteCapacityUnits: 0 }
  if (!isRecord(value)) return value
  return {
    ReadCapacityUnits: value.ReadCapacityUnits,
    WriteCapacityUnits: value.WriteCapacityUnits,
  }
}

/**
 * Deep-normalises what varies in any answer: ARNs lose their region and account, stream labels
 * (creation timestamps) become `{label}`, and set members are sorted (sets have no order).
 */
export function normaliseValue(value: unknown): unknown {
  if (typeof value === 'string') {
    return value
      .replace(/arn:aws:dynamodb:[^:"]*:[^:"]*:/g, 'arn:aws:dynamodb:{region}:{account}:')
      .replace(/\/stream\/[^"/]+/g, '/stream/{label}')
  }
  if (Array.isArray(value)) return value.map(normaliseValue)
  if (!isRecord(value)) return value
  const result: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) {
    if ((key === 'SS' || key === 'NS' || key === 'BS') && Array.isArray(inner)) {
      result[key] = [...inner].sort()
    } else if (key === 'LatestStreamLabel' && typeof inner === 'string') {
      result[key] = '{label}'
    } else {
      result[key] = normaliseValue(inner)
    }
  }
  return result
}

function pick(value: unknown, path: string): unknown {
  let current = value
  for (const part of path.split('.')) {
    if (!isRecord(current)) return undefined
    current = current[part]
  }
  return current
}

/** A copy of `items` in the order of their {@link canonicalJson}. */
export function sortCanonically(items: unknown[]): unknown[] {
  return [...items].sort((a, b) => {
    const left = canonicalJson(a)
    const right = canonicalJson(b)
    return left < right ? -1 : left > right ? 1 : 0
  })
}

/** JSON with object keys sorted, so equal values give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isRecord(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  )
}

function sortBy(value: unknown, key: string): unknown {
  if (!Array.isArray(value)) return value
  return [...value].sort((a, b) => {
    const left = String(a?.[key])
    const right = String(b?.[key])
    return left < right ? -1 : left > right ? 1 : 0
  })
}

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, inner]) => inner !== undefined))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
