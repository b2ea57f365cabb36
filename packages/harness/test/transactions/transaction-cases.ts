import {
  type DynamoDBClient,
  TransactGetItemsCommand,
  type TransactGetItemsCommandInput,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type TransactWriteItemsCommandInput,
} from '@aws-sdk/client-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'

/** What a request answered, in the terms the cases compare. */
export interface Outcome {
  /** The error's name (`TransactionCanceledException`...), or `ok`. */
  result: string
  message?: string
  /** Each cancellation reason's code, and its item when it has one. */
  reasons?: Array<{ code: string; item?: Record<string, unknown> }>
  response?: Record<string, unknown>
}

/** Sends a request and reports what it answered, without throwing. */
export async function outcomeOf(send: Promise<object>): Promise<Outcome> {
  try {
    return { result: 'ok', response: (await send) as Record<string, unknown> }
  } catch (error) {
    if (!(error instanceof Error)) throw error
    const outcome: Outcome = { result: error.name, message: error.message }
    if (error instanceof TransactionCanceledException) {
      outcome.reasons = (error.CancellationReasons ?? []).map((reason) => ({
        code: reason.Code ?? '',
        ...(reason.Item ? { item: unmarshall(reason.Item) } : {}),
      }))
    }
    return outcome
  }
}

/** Sends a TransactWriteItems. */
export function transactWrite(client: DynamoDBClient, input: TransactWriteItemsCommandInput) {
  return outcomeOf(client.send(new TransactWriteItemsCommand(input)))
}

/** Sends a TransactGetItems. */
export function transactGet(client: DynamoDBClient, input: TransactGetItemsCommandInput) {
  return outcomeOf(client.send(new TransactGetItemsCommand(input)))
}
