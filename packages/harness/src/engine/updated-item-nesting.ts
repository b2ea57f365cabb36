import { maxAttributeNesting } from './attribute-value-checks.js'
import { dynaliteDb, type StoredItem } from './dynalite-internals.js'

let installed = false

/**
 * DynamoDB's nesting limit on the item an update produces. A request's own values are checked
 * before dynalite sees them (`attribute-value-checks.ts`), but an update nests values the item
 * already holds: `SET l[0] = l` adds a level each time, and past some thousands of levels
 * dynalite's recursive item functions overflowed the stack. UpdateItem measures the updated
 * item with `db.itemSize` before it writes it, through the module object, so a wrapper there
 * refuses the item as DynamoDB does (DynamoDB Local 3.3.0: `Nesting Levels have exceeded
 * supported limits`). The wrapper keeps whatever `itemSize` is installed before it.
 */
export function installUpdatedItemNestingLimit(): void {
  if (installed) return
  const itemSize = dynaliteDb.itemSize
  dynaliteDb.itemSize = function nestingCheckedItemSize(this: unknown, item: StoredItem, ...rest) {
    const nesting = item ? nestingOf(item, maxAttributeNesting) : 'within'
    if (nesting === 'circular') throw dynaliteDb.validationError(circularUpdate)
    if (nesting === 'too deep') {
      throw dynaliteDb.validationError('Nesting Levels have exceeded supported limits')
    }
    return (itemSize as (...args: unknown[]) => number).call(this, item, ...rest)
  } as typeof dynaliteDb.itemSize
  installed = true
}

// dynalite applies `SET l[0] = l` by placing the list inside itself, where DynamoDB places a copy
// of the old value: the item would be circular, and writing it overflowed the stack.
const circularUpdate =
  'The auth-dynamo emulator cannot apply this update: it sets a path to a value that contains that path (such as SET l[0] = l), which dynalite applies as a circular item. DynamoDB accepts it; until the emulator does, read the value and write the copy in a second request.'

/**
 * Whether an attribute holds more than `limit` levels of lists and maps (stopping there), or a
 * value that contains itself.
 */
function nestingOf(item: StoredItem, limit: number): 'within' | 'too deep' | 'circular' {
  const pending: Array<[value: unknown, depth: number, ancestors: readonly unknown[]]> =
    Object.values(item).map((value) => [value, 0, []])
  while (pending.length > 0) {
    const [value, depth, ancestors] = pending.pop() as [unknown, number, readonly unknown[]]
    if (typeof value !== 'object' || value === null) continue
    const { L: list, M: map } = value as { L?: unknown; M?: unknown }
    const children = Array.isArray(list)
      ? list
      : typeof map === 'object' && map !== null
        ? Object.values(map)
        : undefined
    if (!children) continue
    if (ancestors.includes(value)) return 'circular'
    if (depth >= limit) return 'too deep'
    const path = [...ancestors, value]
    for (const child of children) pending.push([child, depth + 1, path])
  }
  return 'within'
}
