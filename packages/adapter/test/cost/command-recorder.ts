import type { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { iamActionsOf } from '../support/least-privilege.js'

/** The DynamoDB operations a client sent, in order, as IAM action names (`PutItem`, `Query`...). */
export interface CommandRecorder {
  /** Every operation sent since the recorder was attached or last cleared. */
  readonly operations: readonly string[]
  /** Every distinct operation sent since the recorder was attached, never cleared. */
  readonly seen: ReadonlySet<string>
  /**
   * Every distinct IAM action those operations need, never cleared: the operation itself and,
   * for a transaction, the action of each part (`TransactWriteItems` with a Put needs PutItem).
   */
  readonly actions: ReadonlySet<string>
  /** Forgets `operations` (not `seen`), so the next call is counted on its own. */
  clear(): void
}

/**
 * Attaches a middleware at the `initialize` step of `client`, so it sees each command once, before
 * retries, whether it is sent by the client itself or by a `DynamoDBDocument` built on it (the
 * document client shares the client's middleware stack).
 */
export function recordCommands(client: DynamoDBClient): CommandRecorder {
  const operations: string[] = []
  const seen = new Set<string>()
  const actions = new Set<string>()
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? 'UnknownCommand').replace(/Command$/, '')
      operations.push(operation)
      seen.add(operation)
      for (const action of iamActionsOf(operation, args.input)) actions.add(action)
      return next(args)
    },
    { step: 'initialize', name: 'authDynamoCommandRecorder' },
  )
  return {
    operations,
    seen,
    actions,
    clear() {
      operations.length = 0
    },
  }
}
