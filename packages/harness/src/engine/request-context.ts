import { AsyncLocalStorage } from 'node:async_hooks'

type Release = (done?: (...args: unknown[]) => void) => (...args: unknown[]) => void

/**
 * One dynalite action in flight. dynalite runs its actions as chains of callbacks, and a throw
 * inside one of them (a TypeError on data it did not expect) would otherwise escape as an
 * uncaught exception and end the host process; every callback the store calls runs guarded by
 * the context of the request that registered it, so the throw fails that request instead.
 */
export class RequestContext {
  readonly #onFailure: (error: unknown) => void
  readonly #releases: Release[] = []
  #failed = false

  constructor(onFailure: (error: unknown) => void) {
    this.#onFailure = onFailure
  }

  /** Remembers a per-key lock this request holds, so a failure can free it. */
  holdsLock(release: Release): void {
    this.#releases.push(release)
  }

  /** Fails the request once and frees every lock it holds (dynalite's locks release idempotently). */
  fail(error: unknown): void {
    if (this.#failed) return
    this.#failed = true
    for (const release of this.#releases) release()()
    this.#onFailure(error)
  }
}

const current = new AsyncLocalStorage<RequestContext>()

/** Runs `work` as the given request. */
export function runAsRequest<T>(context: RequestContext, work: () => T): T {
  return current.run(context, work)
}

/** The request whose code is running now, if any. */
export function currentRequest(): RequestContext | undefined {
  return current.getStore()
}

/**
 * Binds a callback to the request registering it: when called, it runs as that request, and a
 * throw fails that request rather than the process. Callbacks registered outside a request
 * (the harness's own maintenance) run unchanged.
 */
export function guardCallback<F extends (...args: never[]) => unknown>(callback: F): F {
  const context = current.getStore()
  if (!context || typeof callback !== 'function') return callback
  return ((...args: never[]) =>
    current.run(context, () => {
      try {
        return callback(...args)
      } catch (error) {
        context.fail(error)
        return undefined
      }
    })) as F
}
