/**
 * Collects `#n` / `:v` placeholders for one request, so attribute names are never spliced into an
 * expression: names with `-`, `.`, spaces or reserved words (`name`, `type`, `counter`...) work.
 */
export class ExpressionBuilder {
  readonly #names: Record<string, string> = {}
  readonly #placeholders = new Map<string, string>()
  readonly #values: Record<string, unknown> = {}
  #valueCount = 0

  /** The placeholder of an attribute name (one per distinct name). */
  name(attribute: string): string {
    let placeholder = this.#placeholders.get(attribute)
    if (placeholder === undefined) {
      placeholder = `#n${this.#placeholders.size}`
      this.#placeholders.set(attribute, placeholder)
      this.#names[placeholder] = attribute
    }
    return placeholder
  }

  /** The placeholder of a value. */
  value(value: unknown): string {
    const placeholder = `:v${this.#valueCount++}`
    this.#values[placeholder] = value
    return placeholder
  }

  /**
   * `SET a = :x, ... REMOVE b, ...` from the attributes to set and the names to remove; `''` when
   * both are empty.
   */
  update(set: Record<string, unknown>, remove: readonly string[] = []): string {
    const clauses: string[] = []
    const assignments = Object.entries(set).map(
      ([attribute, value]) => `${this.name(attribute)} = ${this.value(value)}`,
    )
    if (assignments.length > 0) clauses.push(`SET ${assignments.join(', ')}`)
    if (remove.length > 0) clauses.push(`REMOVE ${remove.map((a) => this.name(a)).join(', ')}`)
    return clauses.join(' ')
  }

  /** The names and values to send with the request; values left out when there are none (DynamoDB rejects an empty map). */
  attributes(): {
    ExpressionAttributeNames: Record<string, string>
    ExpressionAttributeValues?: Record<string, unknown>
  } {
    return this.#valueCount === 0
      ? { ExpressionAttributeNames: { ...this.#names } }
      : {
          ExpressionAttributeNames: { ...this.#names },
          ExpressionAttributeValues: { ...this.#values },
        }
  }
}
