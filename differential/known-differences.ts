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

onPurpose(
  'a transactional write consumes 2 write units per 1 KB, as the service charges; DynamoDB Local reports the single-write rate (1 per 1 KB)',
  `${guide}/transaction-apis.html#transaction-capacity-handling`,
  'transact-write/consumed-capacity-total',
  'transact-write/two-tables',
)
onPurpose(
  'an action that fails at run time for a reason other than its condition (an index key over its size limit, ADD to a value of another type) cancels the transaction with a ValidationError reason, as the service documents; DynamoDB Local refuses the whole request with ValidationException',
  `${api}/API_TransactWriteItems.html#API_TransactWriteItems_Errors`,
  'transact-write/index-key-too-long-refused',
  'transact-write/type-mismatch-at-runtime',
)
onPurpose(
  'TransactGetItems of a key of the wrong type is cancelled with CancellationReasons listing a ValidationError, as the service answers; DynamoDB Local cancels it without CancellationReasons',
  `${api}/API_TransactGetItems.html#API_TransactGetItems_Errors`,
  'transact-get/wrong-key-cancels',
)
onPurpose(
  'a table ARN is accepted as the TableName of a transaction action, as the service accepts it; DynamoDB Local answers ResourceNotFoundException',
  `${api}/API_Put.html#DDB-Type-Put-TableName`,
  'table-operations/arn-transact-write',
)

// --- Control plane ------------------------------------------------------------------------

bug(
  'an index created by UpdateTable on an on-demand table is described with ProvisionedThroughput 0/0 instead of OnDemandThroughput -1/-1',
  `${api}/API_GlobalSecondaryIndexDescription.html`,
  'update-table/gsi-create-answer-status',
)
bug(
  'the backfill of an index created by UpdateTable is counted without the item written while the index was being created (ItemCount 3 where DynamoDB Local has 4)',
  `${guide}/GSI.OnlineOps.html`,
  'update-table/gsi-create-on-demand-backfills',
  'update-table/gsi-create-provisioned-backfills',
)
bug(
  'the UpdateTable answer that deletes an index describes it without ItemCount and IndexSizeBytes (DynamoDB Local: 0 and 0)',
  `${api}/API_GlobalSecondaryIndexDescription.html`,
  'update-table/gsi-delete',
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
onPurpose(
  'CreateTable answers TableStatus CREATING and DeleteTable DELETING, as the service does; DynamoDB Local answers ACTIVE',
  `${guide}/DynamoDBLocal.UsageNotes.html`,
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

// --- Item API -----------------------------------------------------------------------------

onPurpose(
  'ResourceNotFoundException says "Requested resource not found", as the service does; DynamoDB Local says "Cannot do operations on a non-existent table"',
  `${guide}/Programming.Errors.html`,
  'put-get/missing-table-message',
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
