import type { KnownDifference } from './src/known-difference.js'

/**
 * Every case that answers differently on the emulator than on Amazon DynamoDB Local, by case id
 * (`<area>/<case>`), with why and where the right answer is written down. The suite fails on a
 * difference missing here and on an entry whose case no longer differs, so this list is exact:
 * fix an `emulator-bug` and delete its line.
 *
 * `on-purpose`: DynamoDB Local differs from the AWS service there (the case says how, in its
 * `serviceDiffers`), and the emulator answers as the service does.
 */
export const knownDifferences: Record<string, KnownDifference> = {}

const api = 'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference'
const guide = 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide'
const quotas = `${guide}/ServiceQuotas.html`
const dataTypes = `${guide}/HowItWorks.NamingRulesDataTypes.html`

function bug(reason: string, source: string, ...ids: string[]): void {
  list({ side: 'emulator-bug', reason, source }, ids)
}

function onPurpose(reason: string, source: string, ...ids: string[]): void {
  list({ side: 'on-purpose', reason, source }, ids)
}

function list(difference: KnownDifference, ids: string[]): void {
  for (const id of ids) {
    if (knownDifferences[id]) throw new Error(`${id} is listed twice in known-differences.ts`)
    knownDifferences[id] = difference
  }
}

// --- Transactions -------------------------------------------------------------------------

bug(
  'TransactWriteItems is not implemented: the emulator answers UnknownOperationException where DynamoDB Local applies, cancels (CancellationReasons) or refuses the transaction',
  `${api}/API_TransactWriteItems.html`,
  'transact-write/100-actions',
  'transact-write/101-actions-refused',
  'transact-write/action-with-no-operation-refused',
  'transact-write/all-four-actions',
  'transact-write/check-and-put-same-item-refused',
  'transact-write/client-request-token-too-long-refused',
  'transact-write/condition-check-all-old',
  'transact-write/condition-check-fails',
  'transact-write/condition-check-without-expression-refused',
  'transact-write/condition-on-missing-item',
  'transact-write/consumed-capacity-total',
  'transact-write/delete-condition-fails-all-old',
  'transact-write/delete-missing-item',
  'transact-write/empty-refused',
  'transact-write/idempotent-token-mismatch',
  'transact-write/idempotent-token-repeat',
  'transact-write/index-key-too-long-refused',
  'transact-write/invalid-update-expression-refused',
  'transact-write/item-collection-metrics',
  'transact-write/item-over-400-kb-refused',
  'transact-write/missing-table',
  'transact-write/over-4-mb-refused',
  'transact-write/put-condition-fails',
  'transact-write/same-item-twice-refused',
  'transact-write/several-conditions-fail',
  'transact-write/transfer-keeps-sum',
  'transact-write/two-operations-in-one-action-refused',
  'transact-write/two-tables',
  'transact-write/type-mismatch-at-runtime',
  'transact-write/unique-email-pattern',
  'transact-write/update-condition-fails-all-old',
  'transact-write/update-creates-item',
  'transact-write/wrong-key-cancels',
  'transact-get/reads-committed-transaction',
)
bug(
  'TransactWriteItems is not implemented (UnknownOperationException); DynamoDB Local answers ResourceNotFoundException to a table ARN here, where the service accepts it',
  `${api}/API_Put.html#DDB-Type-Put-TableName`,
  'table-operations/arn-transact-write',
)
bug(
  'TransactGetItems is not implemented: the emulator answers UnknownOperationException where DynamoDB Local returns the items in request order or refuses the request',
  `${api}/API_TransactGetItems.html`,
  'transact-get/100-gets',
  'transact-get/101-gets-refused',
  'transact-get/consumed-capacity',
  'transact-get/empty-refused',
  'transact-get/invalid-projection-refused',
  'transact-get/missing-item',
  'transact-get/missing-table',
  'transact-get/projection',
  'transact-get/same-item-twice-refused',
  'transact-get/two-items',
  'transact-get/two-tables',
  'transact-get/wrong-key-cancels',
)

// --- Control plane ------------------------------------------------------------------------

bug(
  'table descriptions lack DeletionProtectionEnabled (DynamoDB Local: false, or true when set)',
  `${api}/API_TableDescription.html#DDB-Type-TableDescription-DeletionProtectionEnabled`,
  'create-table/binary-key',
  'create-table/deletion-protection',
  'create-table/global-and-local-indexes',
  'create-table/hash-key',
  'create-table/hash-range-key',
  'create-table/provisioned',
  'create-table/provisioned-gsi',
  'create-table/table-class',
  'create-table/tags',
  'table-operations/delete-then-describe',
  'update-table/billing-mode-to-provisioned',
  'update-table/throughput-change',
)
bug(
  'DeletionProtectionEnabled is not enforced: DeleteTable of a protected table succeeds (DynamoDB Local: ValidationException), and UpdateTable with DeletionProtectionEnabled answers ValidationException',
  `${api}/API_DeleteTable.html`,
  'update-table/deletion-protection-enforced',
  'update-table/deletion-protection-turned-on',
)
bug(
  'UpdateTable of a missing table answers ValidationException (it does not know DeletionProtectionEnabled) where DynamoDB Local answers ResourceNotFoundException',
  `${api}/API_UpdateTable.html#API_UpdateTable_Errors`,
  'update-table/missing-table',
)
bug(
  'StreamSpecification is dropped: not described, no LatestStreamArn/LatestStreamLabel, UpdateTable with it answers ValidationException, and a stream without StreamViewType is accepted',
  `${api}/API_StreamSpecification.html`,
  'create-table/stream-specification',
  'create-table/stream-without-view-type-refused',
  'update-table/stream-disabled-by-update',
  'update-table/stream-enabled-by-update',
)
bug(
  'ItemCount, TableSizeBytes and the indexes’ ItemCount/IndexSizeBytes stay 0 (DynamoDB Local counts the items and their bytes)',
  `${api}/API_TableDescription.html#DDB-Type-TableDescription-ItemCount`,
  'table-operations/describe-counts-after-delete',
  'table-operations/describe-index-counts',
  'table-operations/describe-item-count',
)
bug(
  'UpdateTable GlobalSecondaryIndexUpdates Create on an on-demand table answers ValidationException; DynamoDB Local creates and backfills the index',
  `${guide}/GSI.OnlineOps.html`,
  'update-table/gsi-create-answer-status',
  'update-table/gsi-create-on-demand-backfills',
  'update-table/gsi-create-then-write',
)
bug(
  'UpdateTable GlobalSecondaryIndexUpdates Create on a provisioned table answers 200 but never creates the index (not described, Query answers ValidationException)',
  `${guide}/GSI.OnlineOps.html`,
  'update-table/gsi-create-provisioned-backfills',
)
bug(
  'UpdateTable GlobalSecondaryIndexUpdates Delete answers 200 but the index stays queryable and described; deleting a missing index answers 200 where DynamoDB Local answers ResourceNotFoundException',
  `${guide}/GSI.OnlineOps.html`,
  'update-table/gsi-delete',
  'update-table/gsi-delete-missing-refused',
)
bug(
  'two index creations in one UpdateTable answer ValidationException where DynamoDB Local answers LimitExceededException (one index change at a time per table)',
  `${api}/API_UpdateTable.html#DDB-UpdateTable-request-GlobalSecondaryIndexUpdates`,
  'update-table/gsi-two-creates-refused',
)
bug(
  'CreateTable accepts an INCLUDE projection without NonKeyAttributes; DynamoDB Local answers ValidationException',
  `${api}/API_Projection.html`,
  'create-table/include-without-attributes-refused',
)
bug(
  'CreateTable accepts a key attribute name of 256 bytes; DynamoDB Local answers ValidationException (255 at most)',
  quotas,
  'limits-and-sizes/key-attribute-name-too-long-refused',
)
bug(
  'a table ARN as TableName answers ValidationException (DynamoDB Local accepts it in GetItem, PutItem, DescribeTable, Query, Scan, BatchGetItem)',
  `${api}/API_GetItem.html#DDB-GetItem-request-TableName`,
  'table-operations/arn-batch-get',
  'table-operations/arn-describe-table',
  'table-operations/arn-get-item',
  'table-operations/arn-query-and-scan',
)
bug(
  'DescribeLimits answers UnknownOperationException; DynamoDB Local answers the four account and table limits',
  `${api}/API_DescribeLimits.html`,
  'table-operations/describe-limits',
)
onPurpose(
  'CreateTable answers TableStatus CREATING and DeleteTable DELETING, as the service does; DynamoDB Local answers ACTIVE',
  `${guide}/DynamoDBLocal.UsageNotes.html`,
  'create-table/create-status-in-answer',
  'table-operations/delete-table-answer-status',
)
onPurpose(
  'PAY_PER_REQUEST with ProvisionedThroughput answers ValidationException, as the service does; DynamoDB Local creates the table',
  `${api}/API_CreateTable.html#DDB-CreateTable-request-ProvisionedThroughput`,
  'create-table/on-demand-with-throughput',
)
onPurpose(
  'an index for a provisioned table without ProvisionedThroughput answers 400 ValidationException; DynamoDB Local answers 500 InternalFailure',
  `${api}/API_CreateGlobalSecondaryIndexAction.html`,
  'update-table/gsi-create-provisioned-without-throughput',
)
onPurpose(
  'TagResource, UntagResource and ListTagsOfResource work, as on the service; DynamoDB Local answers UnknownOperationException (tagging not supported)',
  `${api}/API_TagResource.html`,
  'table-operations/tags',
)

// --- Values, limits and ordering ----------------------------------------------------------

bug(
  'index key values are not checked: an empty string, a GSI partition key over 2048 bytes or a GSI/LSI sort key over 1024 bytes is stored (DynamoDB Local: ValidationException)',
  `${quotas}#limits-partition-sort-keys`,
  'index-keys/batch-write-gsi-sort-key-too-long-refused',
  'index-keys/gsi-empty-partition-key-refused',
  'index-keys/gsi-empty-sort-key-refused',
  'index-keys/gsi-partition-key-2049-bytes-refused',
  'index-keys/gsi-sort-key-1025-bytes-refused',
  'index-keys/gsi-sort-key-1100-character-email-refused',
  'index-keys/lsi-empty-sort-key-refused',
  'index-keys/lsi-sort-key-1025-bytes-refused',
  'index-keys/update-gsi-key-empty-refused',
  'index-keys/update-gsi-sort-key-too-long-refused',
)
bug(
  'table key sizes are counted in characters, not UTF-8 bytes: 1025 two-byte characters (2050 bytes) as a partition key, or 257 emoji (1028 bytes) as a sort key, are stored',
  `${quotas}#limits-partition-sort-keys`,
  'limits-and-sizes/partition-key-multibyte-refused',
  'limits-and-sizes/sort-key-multibyte-refused',
)
bug(
  'nesting deeper than 32 levels (maps or lists) is stored; DynamoDB Local answers ValidationException',
  `${quotas}#limits-attributes`,
  'limits-and-sizes/list-nesting-33-levels-refused',
  'limits-and-sizes/nesting-33-levels-refused',
)
bug(
  'an attribute or map member named "" is stored; DynamoDB Local answers ValidationException',
  dataTypes,
  'limits-and-sizes/empty-attribute-name-refused',
  'limits-and-sizes/empty-map-key-refused',
)
bug(
  'a ConditionExpression over 4 KB is evaluated; DynamoDB Local answers ValidationException',
  `${quotas}#limits-expression-parameters`,
  'limits-and-sizes/expression-over-4-kb-refused',
)
bug(
  'IN with 101 operands is evaluated; DynamoDB Local answers ValidationException (100 at most)',
  `${quotas}#limits-expression-parameters`,
  'condition-expressions/in-too-many',
)
bug(
  'arithmetic results are not held to 38 digits or the 1E+126 magnitude: ADD and SET n = n + x store 39 to 127 digits (DynamoDB Local: ValidationException)',
  `${dataTypes}#HowItWorks.DataTypes.Number`,
  'number-precision/add-large-and-small-refused',
  'number-precision/add-overflows-precision-refused',
  'number-precision/add-past-magnitude-refused',
  'number-precision/set-plus-half-overflows-refused',
)
bug(
  'a number written "+5" answers ValidationException; DynamoDB Local stores 5',
  `${dataTypes}#HowItWorks.DataTypes.Number`,
  'number-precision/plus-sign',
)
onPurpose(
  'a number written by an update is stored trimmed ("1", "0"), as the service does; DynamoDB Local keeps "1.0" and "0.0"',
  `${dataTypes}#HowItWorks.DataTypes.Number`,
  'number-precision/set-number-with-trailing-zero',
  'number-precision/subtract-to-zero',
)
bug(
  'strings compare by UTF-16 code units, not UTF-8 bytes, in key conditions (BETWEEN U+FF61 AND 😀 refused as reversed), filters and conditions (😀 < U+FFFF holds)',
  `${dataTypes}#HowItWorks.DataTypes.String`,
  'utf8-ordering/condition-between-halfwidth-emoji',
  'utf8-ordering/condition-emoji-greater-than-private-use',
  'utf8-ordering/condition-emoji-less-than-ffff-false',
  'utf8-ordering/legacy-key-conditions-between',
  'utf8-ordering/query-between-emoji-and-private-use-refused',
  'utf8-ordering/query-between-halfwidth-and-emoji',
  'utf8-ordering/query-filter-between',
  'utf8-ordering/query-filter-less-than',
)

// --- Item API -----------------------------------------------------------------------------

bug(
  'ReturnValuesOnConditionCheckFailure is ignored: the ConditionalCheckFailedException carries no Item, and an invalid value is not refused',
  `${api}/API_PutItem.html#DDB-PutItem-request-ReturnValuesOnConditionCheckFailure`,
  'return-values-on-condition-check-failure/composite-key-all-old',
  'return-values-on-condition-check-failure/delete-all-old',
  'return-values-on-condition-check-failure/invalid-value-refused',
  'return-values-on-condition-check-failure/legacy-expected-all-old',
  'return-values-on-condition-check-failure/put-all-old',
  'return-values-on-condition-check-failure/update-all-old',
  'return-values-on-condition-check-failure/with-return-values',
)
bug(
  'DeleteItem with ReturnValues ALL_NEW deletes the item and answers 200; DynamoDB Local answers ValidationException and keeps it',
  `${api}/API_DeleteItem.html#DDB-DeleteItem-request-ReturnValues`,
  'put-get/delete-return-all-new-refused',
)
bug(
  'a BatchWriteItem entry with both PutRequest and DeleteRequest is applied (the put); DynamoDB Local answers ValidationException',
  `${api}/API_WriteRequest.html`,
  'batch-get-write/write-put-and-delete-in-one-entry-refused',
)
bug(
  'BatchGetItem returns about 1 MB per call, so 3.1 MB takes 3 calls and 17.2 MB 20; DynamoDB Local returns up to 16 MB (1 and 2 calls)',
  `${api}/API_BatchGetItem.html`,
  'batch-get-size-limits/get-over-16-megabytes',
  'batch-get-size-limits/get-several-megabytes-in-one-call',
)
bug(
  'invalid Select combinations on Query answer 200 (SPECIFIC_ATTRIBUTES without a projection, ALL_ATTRIBUTES or COUNT with one, ALL_PROJECTED_ATTRIBUTES without an index); DynamoDB Local: ValidationException',
  `${api}/API_Query.html#DDB-Query-request-Select`,
  'query-key-conditions/select-all-projected-on-table-refused',
  'query-key-conditions/select-all-with-projection-refused',
  'query-key-conditions/select-count-with-projection-refused',
  'query-key-conditions/select-specific-without-projection-refused',
)
bug(
  'projecting an attribute a global index does not hold (INCLUDE or KEYS_ONLY) answers empty items; DynamoDB Local answers ValidationException',
  `${guide}/GSI.html#GSI.Projections`,
  'query-key-conditions/gsi-include-unprojected-attribute-refused',
  'query-key-conditions/gsi-keys-only-unprojected-attribute-refused',
)
bug(
  'ConsumedCapacity of a write counts the table only: no index writes in CapacityUnits and no GlobalSecondaryIndexes/LocalSecondaryIndexes breakdown with INDEXES (DynamoDB Local: 3 units for a put to a table with a global and a local index)',
  `${guide}/read-write-operations.html#write-operation-consumption`,
  'consumed-capacity/batch-write-indexes',
  'consumed-capacity/delete-indexes',
  'consumed-capacity/put-indexes',
  'consumed-capacity/put-new-item-indexes',
  'consumed-capacity/put-total',
  'consumed-capacity/update-moving-index-key-indexes',
)
onPurpose(
  'ResourceNotFoundException says "Requested resource not found", as the service does; DynamoDB Local says "Cannot do operations on a non-existent table"',
  `${guide}/Programming.Errors.html`,
  'put-get/missing-table-message',
)
bug(
  'ConsistentRead on a Scan of a global index answers 200; DynamoDB Local answers ValidationException',
  `${api}/API_Scan.html#DDB-Scan-request-ConsistentRead`,
  'scan-pagination/scan-gsi-consistent-read-refused',
)
bug(
  'parallel Scan parameters are not validated (Segment without TotalSegments, TotalSegments over 1,000,000), and with TotalSegments 1,000,000 segment 999,999 returns every item',
  `${api}/API_Scan.html#DDB-Scan-request-TotalSegments`,
  'scan-pagination/parallel-segments-refused-without-total',
  'scan-pagination/parallel-total-at-limit',
  'scan-pagination/parallel-total-over-limit-refused',
)
bug(
  'a map compared with = to an equal map is false in a ConditionExpression; DynamoDB Local compares maps by content',
  `${guide}/Expressions.OperatorsAndFunctions.html#Expressions.OperatorsAndFunctions.Comparators`,
  'condition-expressions/compare-map-equality',
)
bug(
  'ScanFilter with ConditionalOperator OR is evaluated as AND',
  `${guide}/LegacyConditionalParameters.ConditionalOperator.html`,
  'filters/legacy-conditional-operator-or',
)
bug(
  'UpdateItem with ReturnValues UPDATED_NEW after only a REMOVE answers Attributes {}; DynamoDB Local leaves Attributes out',
  `${api}/API_UpdateItem.html#DDB-UpdateItem-request-ReturnValues`,
  'update-expressions/return-updated-new-remove-only',
)
onPurpose(
  'UPDATED_NEW and UPDATED_OLD return only the updated paths, as the service does; DynamoDB Local returns the whole top-level attribute',
  `${api}/API_UpdateItem.html#DDB-UpdateItem-request-ReturnValues`,
  'update-expressions/return-updated-new',
  'update-expressions/return-updated-new-list-element',
  'update-expressions/return-updated-old-nested',
)
onPurpose(
  'an unknown ReturnConsumedCapacity answers ValidationException, as the service does; DynamoDB Local ignores it',
  `${api}/API_GetItem.html#DDB-GetItem-request-ReturnConsumedCapacity`,
  'validation-errors/return-consumed-capacity-unknown',
)
onPurpose(
  'a JSON value of the wrong type answers 400 SerializationException, as the service does; DynamoDB Local coerces it (200) or fails (500 InternalFailure)',
  `${guide}/Programming.Errors.html#Programming.Errors.MessagesAndCodes`,
  'validation-errors/binary-not-base64',
  'validation-errors/item-as-string-json',
  'validation-errors/limit-as-string-json',
  'validation-errors/list-as-object-json',
  'validation-errors/string-as-number-json',
)

// --- Protocol -----------------------------------------------------------------------------

onPurpose(
  'a malformed request (body not JSON, empty body, no X-Amz-Target) answers a 400 error; DynamoDB Local answers 500 InternalFailure to a client’s mistake',
  `${guide}/Programming.Errors.html#Programming.Errors.MessagesAndCodes`,
  'protocol/body-empty',
  'protocol/body-not-json',
  'protocol/missing-target',
)
bug(
  'a body that is a JSON array is answered 200 as if it were {}; the service answers 400 SerializationException (DynamoDB Local 500)',
  `${guide}/Programming.Errors.html#Programming.Errors.MessagesAndCodes`,
  'protocol/body-json-array',
)
bug(
  'Content-Type application/x-amz-json-1.1 gets a 404 with a body that is not JSON; DynamoDB Local answers the request',
  `${guide}/Programming.LowLevelAPI.html`,
  'protocol/json-1-1-content-type',
)
bug(
  'DynamoDB Streams is not implemented: ListStreams answers UnknownOperationException (issue 9 defers Streams)',
  `${api}/API_Operations_Amazon_DynamoDB_Streams.html`,
  'protocol/streams-list-streams',
)
bug(
  'PartiQL is not implemented: ExecuteStatement answers UnknownOperationException (issue 9 defers PartiQL)',
  `${api}/API_ExecuteStatement.html`,
  'protocol/partiql-execute-statement',
)
