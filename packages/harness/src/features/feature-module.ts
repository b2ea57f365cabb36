import type { EngineResponse } from '../engine/engine-response.js'
import type { Namespace } from '../namespaces/namespace.js'

/** A DynamoDB request on its way to a namespace's store. */
export interface OperationCall {
  /** The DynamoDB operation (`PutItem`, `TransactWriteItems`...). */
  readonly operation: string
  /** The request's JSON body. Feature modules must not modify it. */
  readonly payload: Record<string, unknown>
  /** The namespace the request belongs to. */
  readonly namespace: Namespace
  /** The access key that signed the request (`(internal)` for the emulator's own calls). */
  readonly principal: string
  /** Runs another operation in the same namespace under the lock this call already holds. */
  run(operation: string, payload: Record<string, unknown>): Promise<EngineResponse>
  /**
   * Counts a part of this request in the operation log under its principal, as IAM authorizes
   * it (a transaction's `PutItem` or `ConditionCheckItem` parts). No-op for internal calls.
   */
  recordOperation(operation: string): void
}

/** How an operation holds its namespace's lock while it runs. */
export type LockMode = 'shared' | 'exclusive'

/**
 * One emulated feature (miniflare's pattern): the DynamoDB operations it answers instead of
 * dynalite, or adds. Registered in one place, `features/feature-modules.ts`.
 */
export interface FeatureModule {
  /** A short name, for error messages. */
  readonly name: string
  /** The operations this module answers. */
  readonly operations: ReadonlySet<string>
  /**
   * How each operation holds its namespace's lock: single-item work shares it; work that must be
   * atomic across items (a transaction) holds it alone.
   * @defaultValue `'shared'`
   */
  lockMode?(operation: string): LockMode
  /** Answers one request. Must not throw: errors are DynamoDB error responses. */
  handle(call: OperationCall): Promise<EngineResponse>
}
