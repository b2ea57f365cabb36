import type {
  BatchWriteCommandInput,
  DeleteCommandInput,
  GetCommandInput,
  PutCommandInput,
  QueryCommandInput,
  TransactWriteCommandInput,
  UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb'

/** An item as the document clients return it (native JavaScript values). */
export type StoredItem = Record<string, unknown>

/** One page of a query. */
export interface QueryPage {
  Items?: StoredItem[] | undefined
  LastEvaluatedKey?: StoredItem | undefined
}

/**
 * The few document-client operations the adapter uses, behind one interface so the methods do not
 * care whether the caller handed in an AWS SDK v3 document client or an aws-sdk v2 `DocumentClient`.
 * Each call is exactly one DynamoDB request, except `queryPages` (one per page).
 */
export interface DocumentPort {
  /** Which client kind is behind this port. */
  readonly kind: 'aws-sdk-v3' | 'aws-sdk-v2'
  /** GetItem. */
  get(input: GetCommandInput): Promise<{ Item?: StoredItem | undefined }>
  /** PutItem. */
  put(input: PutCommandInput): Promise<{ Attributes?: StoredItem | undefined }>
  /** UpdateItem. */
  update(input: UpdateCommandInput): Promise<{ Attributes?: StoredItem | undefined }>
  /** DeleteItem. */
  delete(input: DeleteCommandInput): Promise<{ Attributes?: StoredItem | undefined }>
  /** Query, one page. */
  query(input: QueryCommandInput): Promise<QueryPage>
  /** Every page of a query, following `LastEvaluatedKey`. */
  queryPages(input: QueryCommandInput): AsyncIterable<QueryPage>
  /** TransactWriteItems (the SDK fills in and keeps the ClientRequestToken across its retries). */
  transactWrite(input: TransactWriteCommandInput): Promise<unknown>
  /** BatchWriteItem, one request (no retry of UnprocessedItems here). */
  batchWrite(input: BatchWriteCommandInput): Promise<{
    UnprocessedItems?: BatchWriteCommandInput['RequestItems'] | undefined
  }>
}
