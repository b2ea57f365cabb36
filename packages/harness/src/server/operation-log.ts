/**
 * Counts the DynamoDB operations clients sent over HTTP, by name (`PutItem`, `Query`...),
 * including operations the emulator does not support. Tests use it to prove an application
 * stays within its least-privilege IAM policy.
 */
export class OperationLog {
  readonly #counts = new Map<string, number>()

  record(operation: string): void {
    this.#counts.set(operation, (this.#counts.get(operation) ?? 0) + 1)
  }

  /** Counts by operation name, sorted by name. */
  counts(): Record<string, number> {
    return Object.fromEntries([...this.#counts.entries()].sort(([a], [b]) => a.localeCompare(b)))
  }

  clear(): void {
    this.#counts.clear()
  }
}

const targetPattern = /^DynamoDB_20120810\.([A-Za-z]+)$/

/** The operation an `X-Amz-Target` header names, or undefined when it is missing or malformed. */
export function operationOf(target: string | string[] | undefined): string | undefined {
  return typeof target === 'string' ? targetPattern.exec(target)?.[1] : undefined
}
