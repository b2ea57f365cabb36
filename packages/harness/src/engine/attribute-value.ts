/** A DynamoDB AttributeValue in its JSON form: one type key (`S`, `N`, `M`...) and its value. */
export type AttributeValue = Record<string, unknown>

/** An item or key: attribute names to values. */
export type AttributeMap = Record<string, AttributeValue>

/** The type key of an attribute value (`S`, `N`, `B`, `SS`, `L`...), or undefined for anything else. */
export function typeOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
  for (const type in value) return type
  return undefined
}

/**
 * The value stored under `name`, only when the item itself holds it: items parsed from JSON
 * inherit from Object.prototype, and an attribute named `constructor` must not resolve to it.
 */
export function ownValue(
  map: Readonly<Record<string, unknown>> | undefined,
  name: string,
): AttributeValue | undefined {
  if (!map || !Object.hasOwn(map, name)) return undefined
  const value = map[name]
  return value !== null && typeof value === 'object' ? (value as AttributeValue) : undefined
}
