/**
 * Raised by pure helpers on input that cannot be stored; the adapter turns it into a
 * `DynamoDBAdapterError` with code `INVALID_ARGUMENT` and the calling method's name.
 */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError'
}
