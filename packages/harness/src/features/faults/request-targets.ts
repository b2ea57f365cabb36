/** A DynamoDB attribute value as it travels in a request (`{ S: 'x' }`), unchecked. */
type AttributeValues = Record<string, unknown>

/**
 * One thing a request names: a table, and the key, item or key-condition values it names in
 * that table, if any.
 */
export interface RequestTarget {
  readonly table: string
  /** A `Key`: only key attributes. */
  readonly key?: AttributeValues
  /** An `Item`: key attributes among others (the table's key schema says which). */
  readonly item?: AttributeValues
  /** Attribute values a Query's key condition compares keys with. */
  readonly keyConditionValues?: unknown[]
}

/**
 * What a request names, read defensively: the payload has not been validated yet, so anything
 * malformed is skipped (dynalite answers it with its own validation error).
 */
export function requestTargets(
  operation: string,
  payload: Readonly<Record<string, unknown>>,
): RequestTarget[] {
  switch (operation) {
    case 'GetItem':
    case 'DeleteItem':
    case 'UpdateItem':
      return single(payload.TableName, { key: record(payload.Key) })
    case 'PutItem':
      return single(payload.TableName, { item: record(payload.Item) })
    case 'Query':
      return single(payload.TableName, { keyConditionValues: keyConditionValues(payload) })
    case 'BatchGetItem':
      return entries(payload.RequestItems).flatMap(([table, request]) =>
        list(record(request)?.Keys).map((key) => ({ table, key: record(key) ?? {} })),
      )
    case 'BatchWriteItem':
      return entries(payload.RequestItems).flatMap(([table, requests]) =>
        list(requests).map((request) => batchWriteTarget(table, record(request))),
      )
    case 'TransactGetItems':
    case 'TransactWriteItems':
      return list(payload.TransactItems).flatMap((entry) => transactTarget(record(entry)))
    case 'TagResource':
    case 'UntagResource':
    case 'ListTagsOfResource':
      return single(tableOfArn(payload.ResourceArn), {})
    default:
      return single(payload.TableName, {})
  }
}

/** The table names of a request's targets, without repeats. */
export function targetTables(targets: readonly RequestTarget[]): string[] {
  return [...new Set(targets.map((target) => target.table))]
}

function batchWriteTarget(table: string, request: AttributeValues | undefined): RequestTarget {
  const put = record(request?.PutRequest)
  if (put) return { table, item: record(put.Item) ?? {} }
  return { table, key: record(record(request?.DeleteRequest)?.Key) ?? {} }
}

function transactTarget(entry: AttributeValues | undefined): RequestTarget[] {
  if (!entry) return []
  for (const kind of ['Get', 'ConditionCheck', 'Update', 'Delete', 'Put'] as const) {
    const part = record(entry[kind])
    if (!part || typeof part.TableName !== 'string') continue
    return kind === 'Put'
      ? [{ table: part.TableName, item: record(part.Item) ?? {} }]
      : [{ table: part.TableName, key: record(part.Key) ?? {} }]
  }
  return []
}

function keyConditionValues(payload: Readonly<Record<string, unknown>>): unknown[] {
  const expression = payload.KeyConditionExpression
  if (typeof expression === 'string') {
    const values = record(payload.ExpressionAttributeValues) ?? {}
    const names = expression.match(/:[A-Za-z0-9_]+/g) ?? []
    return names.map((name) => values[name]).filter((value) => value !== undefined)
  }
  return Object.values(record(payload.KeyConditions) ?? {}).flatMap((condition) =>
    list(record(condition)?.AttributeValueList),
  )
}

function single(table: unknown, rest: Omit<RequestTarget, 'table'>): RequestTarget[] {
  return typeof table === 'string' ? [{ table, ...withoutUndefined(rest) }] : []
}

function tableOfArn(arn: unknown): string | undefined {
  if (typeof arn !== 'string') return undefined
  const match = /:table\/([^/]+)/.exec(arn)
  return match?.[1]
}

function entries(value: unknown): Array<[string, unknown]> {
  const object = record(value)
  return object ? Object.entries(object) : []
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

function record(value: unknown): AttributeValues | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as AttributeValues)
    : undefined
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T
}
