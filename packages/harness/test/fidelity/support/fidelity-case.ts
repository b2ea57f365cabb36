import type {
  AttributeDefinition,
  AttributeValue,
  GlobalSecondaryIndex,
  KeySchemaElement,
  LocalSecondaryIndex,
  Projection,
} from '@aws-sdk/client-dynamodb'

/** An item or key in DynamoDB JSON, as the AWS SDK's low-level client takes it. */
export type Item = Record<string, AttributeValue>

/** The DynamoDB operations the cases send. */
export type Operation =
  | 'PutItem'
  | 'GetItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'Query'
  | 'Scan'
  | 'BatchGetItem'
  | 'BatchWriteItem'

/** The error a step expects: its type, its message word for word, and `Item` when DynamoDB adds one. */
export interface ExpectedError {
  error: string
  message: string
  Item?: Item
}

/** Marks an output field that must be absent (Items under `Select: 'COUNT'`, say). */
export const absent = Symbol('absent')

/**
 * The success a step expects: each listed output field, exactly (`Items` as a multiset unless
 * the step is `ordered`), or {@link absent}. Fields not listed are not compared.
 */
export interface ExpectedOutput {
  ok: Record<string, unknown>
}

/** What a step expects. */
export type Expected = ExpectedError | ExpectedOutput

/** One request of a case, and what DynamoDB Local 3.3 answers it. */
export interface Step {
  op: Operation
  /** The request; `$T`, `$U`... name the case's tables, in values and in keys. */
  input: Record<string, unknown>
  /** DynamoDB Local's answer, which the emulator must give. */
  expect: Expected
  /**
   * Where the emulator answers as the service does rather than as DynamoDB Local: Local's
   * answer (the parity test checks that it still is), and why, with the source.
   */
  local?: { expect: Expected; why: string }
  /** Compare `Items` in order (a Query's order is part of its answer). */
  ordered?: boolean
  /**
   * Compare this view of the output with `expect.ok` instead of its fields (large answers);
   * `table` gives the name a `$T` alias stands for in this run.
   */
  view?: (output: Record<string, unknown>, table: (alias: string) => string) => unknown
}

/** A table of a case: its key, indexes and items; named `$T`, `$U`... in steps. */
export interface CaseTable {
  key: KeySchemaElement[]
  attributes: AttributeDefinition[]
  globalIndexes?: GlobalSecondaryIndex[]
  localIndexes?: LocalSecondaryIndex[]
  items?: Item[]
}

/** A self-contained scenario: fresh tables, items, then steps, each checked in order. */
export interface FidelityCase {
  name: string
  /** How long the case may take, in milliseconds, when it moves megabytes; the default otherwise. */
  timeoutMs?: number
  tables: Record<string, CaseTable>
  steps: Step[]
}

/** A table keyed by `pk` (String), with a String sort key `sk` when `sortKey` is given. */
export function table(
  options: {
    sortKey?: 'S' | 'N' | 'B'
    attributes?: Record<string, 'S' | 'N' | 'B'>
    globalIndexes?: GlobalSecondaryIndex[]
    localIndexes?: LocalSecondaryIndex[]
    items?: Item[]
  } = {},
): CaseTable {
  const key: KeySchemaElement[] = [{ AttributeName: 'pk', KeyType: 'HASH' }]
  const attributes: AttributeDefinition[] = [{ AttributeName: 'pk', AttributeType: 'S' }]
  if (options.sortKey) {
    key.push({ AttributeName: 'sk', KeyType: 'RANGE' })
    attributes.push({ AttributeName: 'sk', AttributeType: options.sortKey })
  }
  for (const [name, type] of Object.entries(options.attributes ?? {})) {
    attributes.push({ AttributeName: name, AttributeType: type })
  }
  return {
    key,
    attributes,
    globalIndexes: options.globalIndexes,
    localIndexes: options.localIndexes,
    items: options.items,
  }
}

/** A secondary index on `partitionKey` (and `sortKey`), projecting all attributes unless told. */
export function index(
  name: string,
  partitionKey: string,
  sortKey?: string,
  projection: Projection = { ProjectionType: 'ALL' },
): GlobalSecondaryIndex & LocalSecondaryIndex {
  return {
    IndexName: name,
    KeySchema: [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      ...(sortKey ? [{ AttributeName: sortKey, KeyType: 'RANGE' as const }] : []),
    ],
    Projection: projection,
  }
}

/** A ValidationException with DynamoDB's message. */
export function validation(message: string): ExpectedError {
  return { error: 'ValidationException', message }
}

/** A failed condition, with the item DynamoDB returns when asked for it. */
export function conditionFailed(item?: Item): ExpectedError {
  return {
    error: 'ConditionalCheckFailedException',
    message: 'The conditional request failed',
    ...(item ? { Item: item } : {}),
  }
}

/** A success; `fields` as in {@link ExpectedOutput}. */
export function ok(fields: Record<string, unknown> = {}): ExpectedOutput {
  return { ok: fields }
}
