import {
  type ActionValidation,
  type DynaliteAction,
  type DynaliteActionName,
  type DynaliteError,
  type DynaliteStoreState,
  dynaliteActionNames,
  dynaliteDb,
  dynaliteValidations,
  loadAction,
} from './dynalite-internals.js'
import { installDynaliteOverrides } from './dynalite-overrides.js'
import { type EngineResponse, errorResponse } from './engine-response.js'
import { guardStore, type ItemWriteListener } from './guarded-store.js'
import { withRangeLimitedDeletes } from './range-limited-deletes.js'
import { requestChecks, validatedDataHooks } from './request-checks.js'
import { RequestContext, runAsRequest } from './request-context.js'
import { withoutEmptyUpdatedValues } from './updated-values-response.js'

const actionNames: ReadonlySet<string> = new Set(dynaliteActionNames)

/** Options of one dynalite store. */
export interface DynaliteEngineOptions {
  /** A LevelDB directory; in memory when absent. */
  path?: string | undefined
}

/**
 * One dynalite store, driven in-process: a request is validated by dynalite's own validations
 * and run by its own actions, with no HTTP in between. Nothing a request contains can throw
 * out of {@link DynaliteEngine.run}: dynalite's errors become DynamoDB error responses, and an
 * unexpected throw anywhere in an action's callbacks fails that request with a 400.
 */
export class DynaliteEngine {
  readonly #store: DynaliteStoreState
  readonly #guarded: DynaliteStoreState
  readonly #actions = new Map<string, { action: DynaliteAction; validation: ActionValidation }>()
  readonly #itemWriteListeners = new Set<ItemWriteListener>()

  private constructor(store: DynaliteStoreState) {
    this.#store = store
    this.#guarded = guardStore(store, this.#itemWriteListeners)
  }

  /**
   * Calls `listener` after every item write through the store (every action, transaction and
   * restore goes through it); returns the function that stops it. Deleting a table drops its
   * items without a call per item: listeners that index items also watch DeleteTable.
   */
  onItemWrite(listener: ItemWriteListener): () => void {
    this.#itemWriteListeners.add(listener)
    return () => this.#itemWriteListeners.delete(listener)
  }

  /**
   * Tells item-write listeners that `keys` (dynalite's item keys) of `tableName` were deleted
   * below the item API, by a truncate or restore that clears stored ranges in one call.
   */
  itemsDeleted(tableName: string, keys: readonly string[]): void {
    for (const listener of this.#itemWriteListeners) {
      for (const key of keys) listener(tableName, key, undefined)
    }
  }

  /** Opens a store in memory, or on disk under `options.path`. */
  static open(options: DynaliteEngineOptions = {}): DynaliteEngine {
    installDynaliteOverrides()
    const store = withRangeLimitedDeletes(
      dynaliteDb.create({
        path: options.path,
        // Tables are ACTIVE as soon as CreateTable answers (see the tables feature), so dynalite's
        // CREATING/DELETING timers fire at once.
        createTableMs: 0,
        deleteTableMs: 0,
        updateTableMs: 0,
      }),
    )
    return new DynaliteEngine(store)
  }

  /** Whether dynalite implements `operation`. */
  static implements(operation: string): operation is DynaliteActionName {
    return actionNames.has(operation)
  }

  /** The raw store, for feature modules that work below the actions (transactions, TTL index). */
  get store(): DynaliteStoreState {
    return this.#guarded
  }

  /**
   * Validates and runs one request.
   *
   * @param operation - an operation dynalite implements (see {@link DynaliteEngine.implements})
   * @param payload - the request's JSON body; not modified
   */
  run(operation: DynaliteActionName, payload: Record<string, unknown>): Promise<EngineResponse> {
    const { action, validation } = this.#load(operation)
    let data: Record<string, unknown>
    try {
      for (const check of requestChecks) {
        const refused = check(operation, payload)
        if (refused) return Promise.resolve(refused)
      }
      // checkTypes deletes unknown keys from the object it is given: hand it a copy.
      data = dynaliteValidations.checkTypes({ ...payload }, validation.types)
      dynaliteValidations.checkValidations(data, validation.types, validation.custom, this.#guarded)
      for (const hook of validatedDataHooks) {
        const refused = hook(operation, payload, data)
        if (refused) return Promise.resolve(refused)
      }
    } catch (error) {
      return Promise.resolve(toResponse(error, 'validation'))
    }
    const answered = this.runValidated(action, data)
    return operation === 'UpdateItem'
      ? answered.then((response) => withoutEmptyUpdatedValues(data, response))
      : answered
  }

  /** Runs an action on data that already passed validation (transactions reuse single-item actions). */
  runValidated(action: DynaliteAction, data: Record<string, unknown>): Promise<EngineResponse> {
    return new Promise((resolve) => {
      let answered = false
      const answer = (response: EngineResponse) => {
        if (answered) return
        answered = true
        resolve(response)
      }
      const context = new RequestContext((error) => answer(toResponse(error, 'throw')))
      runAsRequest(context, () => {
        try {
          action(this.#guarded, data, (error, result) => {
            if (error) answer(toResponse(error, 'callback'))
            else answer({ statusCode: 200, body: result ?? {} })
          })
        } catch (error) {
          context.fail(error)
        }
      })
    })
  }

  /** Action and validation modules of an operation, loaded once. */
  #load(operation: DynaliteActionName) {
    let loaded = this.#actions.get(operation)
    if (!loaded) {
      loaded = loadAction(operation)
      this.#actions.set(operation, loaded)
    }
    return loaded
  }

  /** Flushes and closes the store; on disk this releases LevelDB's lock. */
  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      const close = this.#store.lifecycleManager
        ? (callback: (error?: unknown) => void) =>
            this.#store.lifecycleManager?.gracefulClose(callback)
        : (callback: (error?: unknown) => void) => this.#store.db.close(callback)
      close((error) => (error ? reject(error) : resolve()))
    })
  }
}

/**
 * A DynamoDB response for what dynalite threw or called back with. Its own errors carry the
 * status and body DynamoDB would send. Anything else is either a storage failure (called back:
 * 500, as DynamoDB answers its own failures) or a throw on data dynalite did not expect (400:
 * the request cannot succeed, and a 5xx would only make the SDK retry it).
 */
function toResponse(error: unknown, source: 'validation' | 'callback' | 'throw'): EngineResponse {
  const known = error as DynaliteError
  if (known && typeof known.statusCode === 'number' && known.body) {
    return { statusCode: known.statusCode, body: known.body }
  }
  const message = error instanceof Error ? error.message : String(error)
  if (source === 'callback') {
    return errorResponse('InternalServerError', `The emulator's storage failed: ${message}`)
  }
  return errorResponse(
    'ValidationException',
    `The emulator cannot process this request (${message}). DynamoDB may accept it: please report this request to auth-dynamo.`,
  )
}
