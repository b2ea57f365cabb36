/** An item as the inspector reads it: plain JSON. */
export type PlainItem = Record<string, unknown>

/** One user with what the adapter stores under them. */
export interface AuthjsUserGroup {
  readonly userId: string
  /** The user item; undefined when only related items remain (a user deleted halfway). */
  readonly user: PlainItem | undefined
  readonly accounts: PlainItem[]
  readonly sessions: PlainItem[]
  readonly authenticators: PlainItem[]
  /** Items under the user's partition that are none of the above. */
  readonly other: PlainItem[]
}

/** The items of an Auth.js table, grouped as the adapter stores them. */
export interface AuthjsView {
  readonly users: AuthjsUserGroup[]
  readonly verificationTokens: PlainItem[]
  /** Items outside the Auth.js layout. */
  readonly other: PlainItem[]
}

/**
 * Groups an Auth.js table's items (see the design's data model): a user is `USER#<id>` /
 * `USER#<id>`; accounts, sessions and authenticators sit in the user's partition under
 * `ACCOUNT#`, `SESSION#` and `AUTHENTICATOR#` sort keys; verification tokens are `VT#`
 * partitions.
 *
 * @param partitionKey - the table's partition key name (`pk` by default)
 * @param sortKey - its sort key name (`sk`)
 */
export function groupAuthjsItems(
  items: readonly PlainItem[],
  partitionKey: string,
  sortKey: string,
): AuthjsView {
  const users = new Map<string, AuthjsUserGroup>()
  const verificationTokens: PlainItem[] = []
  const other: PlainItem[] = []
  const groupOf = (userId: string) => {
    let group = users.get(userId)
    if (!group) {
      group = { userId, user: undefined, accounts: [], sessions: [], authenticators: [], other: [] }
      users.set(userId, group)
    }
    return group
  }
  for (const item of items) {
    const pk = item[partitionKey]
    const sk = item[sortKey]
    if (typeof pk !== 'string' || typeof sk !== 'string') {
      other.push(item)
      continue
    }
    if (pk.startsWith('VT#')) {
      verificationTokens.push(item)
      continue
    }
    if (!pk.startsWith('USER#')) {
      other.push(item)
      continue
    }
    const group = groupOf(pk.slice('USER#'.length))
    if (sk === pk) users.set(group.userId, { ...group, user: item })
    else if (sk.startsWith('ACCOUNT#')) group.accounts.push(item)
    else if (sk.startsWith('SESSION#')) group.sessions.push(item)
    else if (sk.startsWith('AUTHENTICATOR#')) group.authenticators.push(item)
    else group.other.push(item)
  }
  return {
    users: [...users.values()].sort((a, b) => a.userId.localeCompare(b.userId)),
    verificationTokens,
    other,
  }
}
