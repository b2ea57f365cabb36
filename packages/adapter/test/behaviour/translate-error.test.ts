// Pure logic: the wordings of the DynamoDB service, which no test backend produces, classified as
// the adapter's codes. The wordings of DynamoDB Local and the emulator are covered by errors.test.ts,
// which runs on both.
import { describe, expect, it } from 'vitest'
import { resolveOptions } from '../../src/options.js'
import { TableLayout } from '../../src/table-layout.js'
import { translateError } from '../../src/translate-error.js'

const layout = new TableLayout(resolveOptions({}))

function serviceError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client' })
}

describe('translateError, with the wordings of the DynamoDB service', () => {
  it.each([
    // GetItem, DeleteItem, UpdateItem, BatchWriteItem with keys of other names.
    'The provided key element does not match the schema',
    // PutItem without the partition key attribute.
    'One or more parameter values were invalid: Missing the key pk in the item',
    // Query on a key attribute the table or index does not have.
    'Query condition missed key schema element: pk',
    // GetItem with a key of too few attributes.
    'The number of conditions on the keys is invalid',
  ])('"%s" is KEY_SCHEMA_MISMATCH', (message) => {
    expect(
      translateError(serviceError('ValidationException', message), 'getUser', layout),
    ).toMatchObject({ code: 'KEY_SCHEMA_MISMATCH', method: 'getUser' })
  })

  it.each([
    'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of 2048 bytes',
    'One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes',
  ])('"%s" is INVALID_ARGUMENT', (message) => {
    expect(
      translateError(serviceError('ValidationException', message), 'createUser', layout),
    ).toMatchObject({ code: 'INVALID_ARGUMENT' })
  })

  it('"Requested resource not found" is TABLE_NOT_FOUND, and a missing index is INDEX_NOT_FOUND', () => {
    expect(
      translateError(
        serviceError('ResourceNotFoundException', 'Requested resource not found'),
        'getUser',
        layout,
      ).code,
    ).toBe('TABLE_NOT_FOUND')
    expect(
      translateError(
        serviceError('ValidationException', 'The table does not have the specified index: GSI1'),
        'getUserByEmail',
        layout,
      ).code,
    ).toBe('INDEX_NOT_FOUND')
  })

  it('reads a validation failure out of a cancelled transaction', () => {
    const cancelled = Object.assign(
      serviceError(
        'TransactionCanceledException',
        'Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError, None]',
      ),
      {
        CancellationReasons: [
          {
            Code: 'ValidationError',
            Message: 'The provided key element does not match the schema',
          },
          { Code: 'None' },
        ],
      },
    )

    expect(translateError(cancelled, 'createUser', layout).code).toBe('KEY_SCHEMA_MISMATCH')
  })

  it('keeps anything else a DYNAMODB_ERROR with the cause', () => {
    const throttled = serviceError('ProvisionedThroughputExceededException', 'Slow down')
    const error = translateError(throttled, 'getUser', layout)
    expect(error).toMatchObject({ code: 'DYNAMODB_ERROR', cause: throttled })
    expect(error.message).toContain('ProvisionedThroughputExceededException: Slow down')
  })
})
