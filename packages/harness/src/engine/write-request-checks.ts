import { type EngineResponse, errorResponse } from './engine-response.js'

/**
 * Write requests DynamoDB refuses and dynalite ran, with DynamoDB Local 3.3's words:
 *
 * - DeleteItem with `ReturnValues` other than NONE or ALL_OLD ("Return values set to invalid
 *   value"); dynalite answered 200 and deleted the item.
 * - A BatchWriteItem entry holding both a PutRequest and a DeleteRequest ("Supplied
 *   AttributeValue has more than one datatypes set, must contain exactly one of the supported
 *   datatypes", the words DynamoDB gives for an entry holding neither); dynalite ran the put.
 *
 * A validated-data hook: nothing has been written when it refuses.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html#DDB-DeleteItem-request-ReturnValues
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_WriteRequest.html
 */
export function checkWriteRequest(
  operation: string,
  _payload: Readonly<Record<string, unknown>>,
  data: Record<string, unknown>,
): EngineResponse | undefined {
  if (
    operation === 'DeleteItem' &&
    data.ReturnValues != null &&
    data.ReturnValues !== 'NONE' &&
    data.ReturnValues !== 'ALL_OLD'
  ) {
    return errorResponse('ValidationException', 'Return values set to invalid value')
  }
  if (operation === 'BatchWriteItem' && hasEntryWithPutAndDelete(data.RequestItems)) {
    return errorResponse(
      'ValidationException',
      'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes',
    )
  }
  return undefined
}

function hasEntryWithPutAndDelete(requestItems: unknown): boolean {
  if (requestItems === null || typeof requestItems !== 'object') return false
  return Object.values(requestItems).some(
    (requests) =>
      Array.isArray(requests) &&
      requests.some(
        (request) =>
          request !== null &&
          typeof request === 'object' &&
          request.PutRequest != null &&
          request.DeleteRequest != null,
      ),
  )
}
