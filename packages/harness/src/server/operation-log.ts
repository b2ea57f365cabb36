/** Operation counts by name, e.g. `{ GetItem: 3, Query: 2 }`. */
export type OperationCounts = Record<string, number>

/**
 * Counts the DynamoDB operations clients sent over HTTP, by name (`PutItem`, `Query`...) and
 * by the access key that signed them (as IAM sees principals), unsupported operations
 * included. Tests use it to prove an application stays within its least-privilege policy.
 */
export class OperationLog {
  readonly #byAccessKey = new Map<string, Map<string, number>>()

  record(operation: string, accessKeyId: string): void {
    let counts = this.#byAccessKey.get(accessKeyId)
    if (!counts) {
      counts = new Map()
      this.#byAccessKey.set(accessKeyId, counts)
    }
    counts.set(operation, (counts.get(operation) ?? 0) + 1)
  }

  /** Counts by operation name, for one access key or summed over all of them. */
  counts(accessKeyId?: string): OperationCounts {
    const sums = new Map<string, number>()
    for (const [key, counts] of this.#byAccessKey) {
      if (accessKeyId !== undefined && key !== accessKeyId) continue
      for (const [operation, count] of counts)
        sums.set(operation, (sums.get(operation) ?? 0) + count)
    }
    return Object.fromEntries([...sums.entries()].sort(([a], [b]) => a.localeCompare(b)))
  }
}

const targetPattern = /^DynamoDB_20120810\.([A-Za-z]+)$/

/** The operation an `X-Amz-Target` header names, or undefined when it is missing or malformed. */
export function operationOf(target: string | string[] | undefined): string | undefined {
  return typeof target === 'string' ? targetPattern.exec(target)?.[1] : undefined
}

/** The access key id in a SigV4 `Authorization` header (`Credential=<id>/<date>/...`). */
export function accessKeyIdOf(authorization: string | undefined): string {
  return /Credential=([^/,\s]+)\//.exec(authorization ?? '')?.[1] ?? '(unsigned)'
}
