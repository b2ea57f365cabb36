import { DynaliteEngine } from '../engine/dynalite-engine.js'
import { dynaliteActionNames } from '../engine/dynalite-internals.js'
import { type EngineResponse, errorResponse } from '../engine/engine-response.js'
import { requestChecks } from '../engine/request-checks.js'
import type { FeatureModule, LockMode, OperationCall } from '../features/feature-module.js'

/**
 * Sends each operation to the feature module that answers it, or to dynalite, or answers
 * UnknownOperationException naming what is supported.
 */
export class OperationRouter {
  readonly #byOperation = new Map<string, FeatureModule>()
  readonly #supported: string
  readonly #unsupported: ReadonlyMap<string, string>

  constructor(modules: readonly FeatureModule[], unsupported: ReadonlyMap<string, string>) {
    for (const module of modules) {
      for (const operation of module.operations) {
        const taken = this.#byOperation.get(operation)
        if (taken) {
          throw new Error(`${module.name} and ${taken.name} both answer ${operation}`)
        }
        this.#byOperation.set(operation, module)
      }
    }
    this.#unsupported = unsupported
    this.#supported = [...new Set([...this.#byOperation.keys(), ...dynaliteActionNames])]
      .sort()
      .join(', ')
  }

  /** Every operation the emulator answers, sorted. */
  get supportedOperations(): string {
    return this.#supported
  }

  /** Whether `operation` is answered at all. */
  supports(operation: string): boolean {
    return this.#byOperation.has(operation) || DynaliteEngine.implements(operation)
  }

  /** How `operation` holds its namespace's lock. */
  lockMode(operation: string): LockMode {
    return this.#byOperation.get(operation)?.lockMode?.(operation) ?? 'shared'
  }

  /** Answers one call, without taking any lock (the caller holds it). */
  route(call: OperationCall): Promise<EngineResponse> {
    const module = this.#byOperation.get(call.operation)
    if (module) {
      // The engine runs these checks for what dynalite answers; operations a feature module
      // answers itself (UpdateTable's index changes, say) get the same ones here.
      for (const check of requestChecks) {
        const refused = check(call.operation, call.payload)
        if (refused) return Promise.resolve(refused)
      }
      return module.handle(call)
    }
    if (DynaliteEngine.implements(call.operation)) {
      return call.namespace.engine.run(call.operation, call.payload)
    }
    const reason = this.#unsupported.get(call.operation)
    return Promise.resolve(
      errorResponse(
        'UnknownOperationException',
        `The auth-dynamo emulator does not support the operation ${call.operation}${reason ? ` (${reason})` : ''}. Supported: ${this.#supported}`,
      ),
    )
  }
}
