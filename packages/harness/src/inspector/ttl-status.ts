/** Where an item stands with respect to its table's TTL, on the namespace's clock. */
export type TtlStatus =
  | { state: 'none' }
  | { state: 'not-a-number'; attribute: string }
  | { state: 'ignored'; attribute: string; expiresAt: Date }
  | { state: 'live'; attribute: string; expiresAt: Date; leftMs: number }
  | { state: 'expired'; attribute: string; expiresAt: Date; agoMs: number }

// DynamoDB ignores TTL values more than five years in the past (they are likely not seconds).
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-before-you-start.html
const fiveYearsMs = 5 * 365 * 24 * 60 * 60 * 1000

/**
 * The TTL status of an item (plain JSON) in a table whose TTL attribute is `attribute` (or no
 * TTL), at `nowMs` on the namespace's clock: live with the time left, expired (not swept yet:
 * the item is still stored), or not subject to TTL.
 */
export function ttlStatus(
  item: Record<string, unknown>,
  attribute: string | undefined,
  nowMs: number,
): TtlStatus {
  if (attribute === undefined || !(attribute in item)) return { state: 'none' }
  const value = item[attribute]
  const seconds = typeof value === 'number' ? value : Number.NaN
  if (!Number.isFinite(seconds)) return { state: 'not-a-number', attribute }
  const expiresAt = new Date(seconds * 1000)
  const atMs = seconds * 1000
  if (atMs > nowMs) return { state: 'live', attribute, expiresAt, leftMs: atMs - nowMs }
  if (atMs < nowMs - fiveYearsMs) return { state: 'ignored', attribute, expiresAt }
  return { state: 'expired', attribute, expiresAt, agoMs: nowMs - atMs }
}

/** A duration for people: `2d 3h`, `59m 30s`, `12s`, `0s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000)
  const parts: Array<[number, string]> = [
    [Math.floor(seconds / 86_400), 'd'],
    [Math.floor((seconds % 86_400) / 3600), 'h'],
    [Math.floor((seconds % 3600) / 60), 'm'],
    [seconds % 60, 's'],
  ]
  const first = parts.findIndex(([amount]) => amount > 0)
  if (first === -1) return '0s'
  return parts
    .slice(first, first + 2)
    .filter(([amount]) => amount > 0)
    .map(([amount, unit]) => `${amount}${unit}`)
    .join(' ')
}

/** The status in words, as the inspector shows it. */
export function describeTtl(status: TtlStatus): string {
  switch (status.state) {
    case 'none':
      return ''
    case 'not-a-number':
      return `${status.attribute} is not a Number: never expires`
    case 'ignored':
      return `${status.attribute} is more than five years old: DynamoDB ignores it`
    case 'live':
      return `live, expires in ${formatDuration(status.leftMs)}`
    case 'expired':
      return `expired ${formatDuration(status.agoMs)} ago, not swept yet`
  }
}
