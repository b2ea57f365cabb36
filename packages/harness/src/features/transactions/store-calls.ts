import type {
  DynaliteAction,
  DynaliteError,
  DynaliteStoreState,
  StoredItem,
  StoredTable,
  SubDb,
} from '../../engine/dynalite-internals.js'
import { type EngineResponse, errorResponse } from '../../engine/engine-response.js'
import { RequestContext, runAsRequest } from '../../engine/request-context.js'

/** An item by dynalite's internal key, or undefined when there is none. */
export function readItem(db: SubDb, key: string): Promise<StoredItem | undefined> {
  return new Promise((resolve, reject) => {
    db.get(key, (error, item) => {
      if (error && error.name !== 'NotFoundError') reject(new StorageError(error))
      else resolve(error ? undefined : (item as StoredItem | undefined))
    })
  })
}

/** Writes a batch of puts and deletes to one of dynalite's sub-databases. */
export function writeBatch(
  db: SubDb,
  operations: Array<{ type: 'put' | 'del'; key: string; value?: unknown }>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    db.batch(operations, (error) => (error ? reject(new StorageError(error)) : resolve()))
  })
}

/** An ACTIVE table's stored description, or undefined when there is no such table (yet). */
export function readTable(
  store: DynaliteStoreState,
  tableName: string,
): Promise<StoredTable | undefined> {
  return new Promise((resolve, reject) => {
    store.getTable(tableName, true, (error, table) => {
      if (!error) resolve(table)
      else if (isDynaliteError(error, 'ResourceNotFoundException')) resolve(undefined)
      else reject(new StorageError(error))
    })
  })
}

/** What a dynalite action called back with. */
export interface ActionOutcome {
  error?: DynaliteError | null | undefined
  result?: Record<string, unknown> | undefined
}

/** Runs one of dynalite's actions on `store` (a staged view, say) with validated data. */
export function runAction(
  action: DynaliteAction,
  store: DynaliteStoreState,
  data: Record<string, unknown>,
): Promise<ActionOutcome> {
  return new Promise((resolve) => {
    action(store, data, (error, result) => resolve({ error, result }))
  })
}

/** Whether `error` is one of dynalite's DynamoDB errors of the given type. */
export function isDynaliteError(error: unknown, type: string): error is DynaliteError {
  const body = (error as DynaliteError | undefined)?.body
  return typeof body?.__type === 'string' && body.__type.endsWith(`#${type}`)
}

/** The message of one of dynalite's DynamoDB errors. */
export function dynaliteMessage(error: DynaliteError): string {
  return String(error.body?.message ?? error.body?.Message ?? error.message)
}

/**
 * The response for what a validation or action threw or called back with: dynalite's own
 * errors as DynamoDB shaped them, anything else as the engine answers it (a storage failure is
 * a 500; a throw on data dynalite did not expect fails the request, never the process).
 */
export function failureResponse(error: unknown, source: 'storage' | 'throw'): EngineResponse {
  const known = error as DynaliteError
  if (known && typeof known.statusCode === 'number' && known.body) {
    return { statusCode: known.statusCode, body: known.body }
  }
  const message = error instanceof Error ? error.message : String(error)
  if (source === 'storage') {
    return errorResponse('InternalServerError', `The emulator's storage failed: ${message}`)
  }
  return errorResponse(
    'ValidationException',
    `The emulator cannot process this request (${message}). DynamoDB may accept it: please report this request to auth-dynamo.`,
  )
}

/**
 * Runs `work` as one request of the engine (see `engine/request-context.ts`): every store
 * callback it causes runs guarded, so a throw inside dynalite, or in `work` itself, answers an
 * error instead of ending the process, and the per-key locks it held are released.
 */
export function runGuarded(work: () => Promise<EngineResponse>): Promise<EngineResponse> {
  return new Promise((resolve) => {
    let answered = false
    const answer = (response: EngineResponse) => {
      if (answered) return
      answered = true
      resolve(response)
    }
    const context = new RequestContext((error) => answer(failureResponse(error, 'throw')))
    runAsRequest(context, () => {
      work().then(answer, (error: unknown) =>
        // A storage error reaches here as a rejection, a programming error as a throw.
        isStorageError(error) ? answer(failureResponse(error, 'storage')) : context.fail(error),
      )
    })
  })
}

/** Thrown by the transaction code for a storage failure (a rejected get, put or batch). */
export class StorageError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause })
    this.name = 'StorageError'
  }
}

function isStorageError(error: unknown): boolean {
  return error instanceof StorageError
}
