import { randomBytes } from 'node:crypto'

/** A case's logical table names (`T`, `U`...) and the real names one backend gives them. */
export interface TableNames {
  /** logical → real */
  readonly real: ReadonlyMap<string, string>
  /** Replaces `$arn:T` by T's ARN (when known) and `$T` by T's real name in request text. */
  toReal(text: string, arns: ReadonlyMap<string, string>): string
  /** Replaces each real name in answer text by its placeholder `$T`. */
  toLogical(text: string): string
}

const placeholder = /\$(arn:)?([A-Z][A-Za-z0-9]*)(?![A-Za-z0-9_])/g

/**
 * Fresh real names for a case's logical tables, unique per run and backend, so cases never
 * share a table and may run in parallel.
 */
export function freshTableNames(logical: Iterable<string>): TableNames {
  const prefix = `df${randomBytes(5).toString('hex')}`
  const real = new Map<string, string>()
  for (const name of logical) real.set(name, `${prefix}-${name}`)
  // Longest first, so no real name is replaced inside a longer one.
  const byLength = [...real].sort(([, a], [, b]) => b.length - a.length)
  return {
    real,
    toReal: (text, arns) =>
      text.replace(placeholder, (whole, arn: string | undefined, name: string) => {
        const table = real.get(name)
        if (table === undefined) return whole
        if (arn) return arns.get(name) ?? whole
        return table
      }),
    toLogical: (text) => {
      let result = text
      for (const [name, table] of byLength) result = result.split(table).join(`$${name}`)
      return result
    },
  }
}
