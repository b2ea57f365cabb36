import type { Attributes } from './item-codec.js'

// One value in a form that compares equal however the client stored and read it back: a client
// with `convertEmptyValues` stores '' as null, Sets come back in any order, numbers may come back
// wrapped (`wrapNumbers`), binary as Uint8Array or Buffer.
function canonical(value: unknown): unknown {
  if (value === '' || value === null || value === undefined) return null
  if (typeof value === 'number' || typeof value === 'bigint') return ['n', String(value)]
  if (value instanceof Set)
    return [
      'set',
      [...value]
        .map(canonical)
        .map((v) => JSON.stringify(v))
        .sort(),
    ]
  if (value instanceof Uint8Array) return ['b', [...value]]
  if (Array.isArray(value)) return value.map(canonical)
  if (typeof value === 'object') {
    const { value: wrapped } = value as { value?: unknown }
    if (typeof wrapped === 'string' && value.constructor?.name === 'NumberValue')
      return ['n', wrapped]
    return Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .map(([key, entry]) => [key, canonical(entry)] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  }
  return value
}

/**
 * Whether a stored item holds exactly what a write sent. A conditional write whose response was
 * lost is sent again by the SDK and then fails its own condition; finding the item as it was
 * written tells the adapter that the write was its own. Every write this is used for carries a
 * value unique to the call (a fresh user id, a fresh credential public key), so an equal item
 * cannot come from another caller, only from the same request repeated.
 */
export function isSameItem(stored: Attributes | undefined, written: Attributes): boolean {
  return (
    stored !== undefined && JSON.stringify(canonical(stored)) === JSON.stringify(canonical(written))
  )
}
