/** A DynamoDB attribute value in the wire format (`{ S: 'x' }`, `{ N: '1' }`, ...). */
export type AttributeValue = Record<string, unknown>

/** An item in the wire format: attribute name → attribute value. */
export type Item = Record<string, AttributeValue>

/**
 * A CreateTable input without `TableName` (the runner gives every backend a fresh name per case).
 * Anything CreateTable takes may be given; it is sent as is.
 */
export type TableSpec = Record<string, unknown>

/** How a step's two answers are compared, beyond the defaults of {@link normaliseOutcome}. */
export interface CompareOptions {
  /** Compare the error message text too (normally only the status and the error type). */
  message?: boolean
  /** Compare Scan items in the order returned (normally sorted, as Scan order is unspecified). */
  ordered?: boolean
  /**
   * Follow `LastEvaluatedKey` until the end and compare the union of the pages' items and the
   * number of pages, rather than the first page.
   */
  paginate?: boolean
  /**
   * With `paginate`, for a parallel Scan: scan every segment from 0 to `TotalSegments - 1`, each to
   * its end, and compare the items of all segments together (which segment holds an item is
   * unspecified, so only the whole is compared).
   */
  allSegments?: boolean
  /**
   * For BatchGetItem and BatchWriteItem: send the unprocessed keys or items again until none are
   * left, and compare the number of calls and (for BatchGetItem) the items read, as digests.
   */
  untilProcessed?: boolean
  /**
   * Paths (dot separated, from the response body) compared in place of the default projection of
   * a table description, for fields the default leaves out on purpose (say `Table.BillingModeSummary`).
   */
  fields?: string[]
}

/** One request sent to both backends. */
export interface RequestStep {
  /**
   * The DynamoDB operation, sent as `X-Amz-Target: DynamoDB_20120810.<op>`.
   * Table placeholders (`$T`, `$U`...) in the body are replaced by the case's table names, and
   * `$arn:T` by that table's ARN.
   */
  op: string
  /** The request body as a JSON value. */
  body?: unknown
  /** A body sent byte for byte (after placeholder replacement), for malformed requests. */
  rawBody?: string
  /**
   * The whole `X-Amz-Target` header in place of the one made from `op`; `null` sends none.
   */
  target?: string | null
  /** Headers added to (or replacing) the signed ones, e.g. another `Content-Type`. */
  headers?: Record<string, string>
  /**
   * What DynamoDB Local answers, the claim the step makes: `'ok'` for success, or an error type
   * (`'ValidationException'`). A case whose claim does not hold on DynamoDB Local is broken and
   * fails, whatever the emulator answers, so that no case compares two equal mistakes.
   *
   * @defaultValue `'ok'`
   */
  expect?: string
  /** How to compare the two answers. */
  compare?: CompareOptions
}

/** Waits until a table and all its global secondary indexes are ACTIVE (or the table is gone). */
export interface WaitStep {
  /** The logical name of the table to wait for. */
  wait: string
}

/** A step of a case: a request, or a wait. */
export type Step = RequestStep | WaitStep

/**
 * One differential case: tables and items set up the same way on both backends, then the same
 * requests sent to both; every answer is compared.
 */
export interface DiffCase {
  /** Unique within its area, kebab-case; the full id is `<area>/<id>`. */
  id: string
  /** What the case shows, as one sentence. */
  title: string
  /** Tables created before the steps, by logical name (`T`, `U`...), each without its TableName. */
  tables?: Record<string, TableSpec>
  /** Items put into those tables before the steps, by logical table name. */
  items?: Record<string, Item[]>
  /**
   * Logical names for tables the steps create themselves (CreateTable cases), so that they get
   * fresh names too and are deleted afterwards.
   */
  names?: string[]
  /** The requests, in order. */
  steps: Step[]
  /**
   * Where DynamoDB Local is known to answer this case differently from the AWS service: what the
   * service does and where that is written down. The emulator should answer as the service; a
   * difference from DynamoDB Local is then listed `on-purpose` in known-differences.ts, and while
   * the emulator still answers as DynamoDB Local does, the summary counts the case apart.
   */
  serviceDiffers?: { service: string; source: string }
}

/** Which part of DynamoDB an area exercises; agreement is reported per scope. */
export type Scope = 'item-api' | 'transactions' | 'control-plane' | 'protocol'

/** A corpus file: one area of DynamoDB and its cases. */
export interface CorpusArea {
  /** kebab-case, the corpus file's name. */
  area: string
  scope: Scope
  cases: DiffCase[]
  /**
   * Why the area's cases must run one at a time, when they must (DynamoDB Local fails index
   * changes that overlap); they run concurrently otherwise.
   */
  sequential?: string
}
