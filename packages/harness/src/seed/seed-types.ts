/** How a seed's items are written: detected per table, or set with `"$format"`. */
export type SeedFormat = 'plain' | 'dynamodb'

/**
 * Items to load, by table name: `{ "next-auth": [item, ...] }`. Items are plain JSON (converted
 * by the AWS SDK's marshall), DynamoDB JSON (`{ "pk": { "S": "USER#1" } }`), or
 * `{ "PutRequest": { "Item": ... } }` entries as `aws dynamodb batch-write-item` files hold
 * them. The format is detected per table; `"$format": "plain"` or `"dynamodb"` at the top sets
 * it for the whole file.
 */
export type SeedItems = { $format?: SeedFormat } & Record<string, unknown>

/** A seed: the path of a JSON file (read once, at start), or the items themselves. */
export type SeedSource = string | SeedItems

/** One seed, or several loaded in order (a later item with the same key wins). */
export type SeedOption = SeedSource | SeedSource[]
