/** Operation counts by name, e.g. `{ GetItem: 3, Query: 2 }`. */
export type OperationCounts = Record<string, number>

/** What the log could not keep, because of its bounds. */
export interface OperationLogDropped {
  /** Requests from principals beyond the first {@link maxPrincipals}. */
  principals: number
  /** Requests for operation names beyond the first {@link maxOperationNames} of a principal. */
  operations: number
}

// Bounds on what clients can make the log hold: 20,000 distinct access keys once took RSS from
// 77 to 224 MB. DynamoDB has about 60 operations; a client inventing names gets them counted
// as dropped rather than kept.
export const maxPrincipals = 1000
export const maxOperationNames = 100

/**
 * Counts the DynamoDB operations clients sent over HTTP, by name (`PutItem`, `Query`...) and
 * by the access key that signed them (as IAM sees principals), unsupported operations and the
 * parts of transactions included. Tests use it to prove an application stays within its
 * least-privilege policy. Bounded: what passes the bounds is counted in `dropped`.
 */
export class OperationLog {
  readonly #byAccessKey = new Map<string, Map<string, number>>()
  readonly #dropped: OperationLogDropped = { principals: 0, operations: 0 }

  record(operation: string, accessKeyId: string): void {
    let counts = this.#byAccessKey.get(accessKeyId)
    if (!counts) {
      if (this.#byAccessKey.size >= maxPrincipals) {
        this.#dropped.principals++
        return
      }
      counts = new Map()
      this.#byAccessKey.set(accessKeyId, counts)
    }
    const count = counts.get(operation)
    if (count === undefined && counts.size >= maxOperationNames) {
      this.#dropped.operations++
      return
    }
    counts.set(operation, (count ?? 0) + 1)
  }

  /** Counts by operation name, for principals `accepts` says yes to, or summed over all. */
  counts(accepts: (accessKeyId: string) => boolean = () => true): OperationCounts {
    const sums = new Map<string, number>()
    for (const [key, counts] of this.#byAccessKey) {
      if (!accepts(key)) continue
      for (const [operation, count] of counts)
        sums.set(operation, (sums.get(operation) ?? 0) + count)
    }
    return Object.fromEntries([...sums.entries()].sort(([a], [b]) => a.localeCompare(b)))
  }

  // peers (issue 11): the inspector shows the log per principal
  /** Counts by operation name for each principal `accepts` says yes to, principals sorted. */
  byPrincipal(
    accepts: (accessKeyId: string) => boolean = () => true,
  ): Record<string, OperationCounts> {
    return Object.fromEntries(
      [...this.#byAccessKey.keys()]
        .filter(accepts)
        .sort()
        .map((key) => [key, this.counts((other) => other === key)]),
    )
  }

  /** What the bounds made the log drop since start. */
  dropped(): OperationLogDropped {
    return { ...this.#dropped }
  }
}
