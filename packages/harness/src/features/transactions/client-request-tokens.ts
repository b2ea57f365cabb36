import { createHash } from 'node:crypto'

/** How long DynamoDB remembers a ClientRequestToken after the request that used it completed. */
export const idempotencyWindowMs = 10 * 60 * 1000

// A bound on what clients can make one namespace remember: 10,000 tokens is about 2 MB.
const maxTokens = 10_000

interface TokenEntry {
  readonly fingerprint: string
  readonly expiresAtMs: number
  /** The TableId of each table the transaction wrote, when it did. */
  readonly tableIds: ReadonlyMap<string, string>
}

/** What a token says about a request. */
export type TokenLookup = 'new' | 'repeat' | 'mismatch'

/**
 * The ClientRequestTokens of one namespace's successful TransactWriteItems requests, each for
 * ten minutes on the namespace's clock
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html#DDB-TransactWriteItems-request-ClientRequestToken).
 * A cancelled or refused request leaves no token behind, as on DynamoDB Local: its retry runs
 * again. A token is also forgotten once a table its transaction wrote is deleted or recreated
 * (a namespace reset), so a test replaying a fixed token against fresh tables is not answered
 * from before the reset.
 */
export class ClientRequestTokens {
  readonly #entries = new Map<string, TokenEntry>()

  /** The tables the transaction remembered under `token` wrote. */
  tablesOf(token: string): string[] {
    return [...(this.#entries.get(token)?.tableIds.keys() ?? [])]
  }

  /**
   * Whether `token` was used with this request (`repeat`), another one (`mismatch`), or not at
   * all (or so long ago, or on tables since recreated, that it counts as new).
   *
   * @param currentTableId - the TableId each of {@link ClientRequestTokens.tablesOf}'s tables has now
   */
  lookup(
    token: string,
    fingerprint: string,
    nowMs: number,
    currentTableId: (tableName: string) => unknown,
  ): TokenLookup {
    const entry = this.#entries.get(token)
    if (!entry) return 'new'
    const stale =
      nowMs >= entry.expiresAtMs ||
      [...entry.tableIds].some(([tableName, id]) => currentTableId(tableName) !== id)
    if (stale) {
      this.#entries.delete(token)
      return 'new'
    }
    return entry.fingerprint === fingerprint ? 'repeat' : 'mismatch'
  }

  /** Remembers a token whose request just succeeded. */
  remember(
    token: string,
    fingerprint: string,
    nowMs: number,
    tableIds: ReadonlyMap<string, string>,
  ): void {
    this.#entries.delete(token)
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size < maxTokens && entry.expiresAtMs > nowMs) break
      this.#entries.delete(oldest)
    }
    this.#entries.set(token, { fingerprint, expiresAtMs: nowMs + idempotencyWindowMs, tableIds })
  }
}

/**
 * The identity of a request's parameters for idempotency: its TransactItems in a canonical form
 * (object keys sorted, so the same request serialized in another key order is the same, as on
 * DynamoDB Local), hashed. ReturnConsumedCapacity and ReturnItemCollectionMetrics may differ
 * between a request and its retry (Local accepts that, and they change no data).
 */
export function requestFingerprint(transactItems: unknown): string {
  return createHash('sha256').update(canonicalJson(transactItems)).digest('hex')
}

// JSON.stringify with sorted keys; written here because it is a few lines and the harness
// takes no dependency for it.
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      )
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
