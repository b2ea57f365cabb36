import { expect } from 'vitest'
import { DynamoDBAdapterError } from '../../../src/index.js'

/** The DynamoDBAdapterError a promise rejects with; fails the test if it resolves or rejects otherwise. */
export async function failure(promise: Promise<unknown>): Promise<DynamoDBAdapterError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DynamoDBAdapterError)
  return error as DynamoDBAdapterError
}

/** The DynamoDBAdapterError a call throws; fails the test if it returns or throws otherwise. */
export function thrown(run: () => unknown): DynamoDBAdapterError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(DynamoDBAdapterError)
    return error as DynamoDBAdapterError
  }
  throw new Error('expected a throw')
}
