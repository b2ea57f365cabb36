/**
 * The n-th item of a realistic Auth.js table: users, accounts, sessions and verification
 * tokens in turn; sessions and tokens carry `expires` (epoch seconds) `expiresIn` seconds from
 * `nowSeconds`.
 */
export function authjsItem(n, nowSeconds, expiresIn = 86_400) {
  const kind = n % 4
  if (kind === 0)
    return {
      pk: `USER#${n}`,
      sk: `USER#${n}`,
      GSI1PK: `USER#u${n}@example.com`,
      GSI1SK: `USER#u${n}@example.com`,
      type: 'USER',
      id: `${n}`,
      email: `u${n}@example.com`,
      name: `User ${n}`,
      emailVerified: new Date(nowSeconds * 1000).toISOString(),
    }
  if (kind === 1)
    return {
      pk: `USER#${n - 1}`,
      sk: `ACCOUNT#github#${n}`,
      GSI1PK: 'ACCOUNT#github',
      GSI1SK: `ACCOUNT#${n}`,
      type: 'oauth',
      userId: `${n - 1}`,
      provider: 'github',
      providerAccountId: `${n}`,
      access_token: 'x'.repeat(40),
    }
  if (kind === 2)
    return {
      pk: `USER#${n - 2}`,
      sk: `SESSION#token-${n}`,
      GSI1PK: `SESSION#token-${n}`,
      GSI1SK: `SESSION#token-${n}`,
      type: 'SESSION',
      sessionToken: `token-${n}`,
      userId: `${n - 2}`,
      expires: nowSeconds + expiresIn,
    }
  return {
    pk: `VT#u${n}@example.com`,
    sk: `VT#vt-${n}`,
    type: 'VT',
    identifier: `u${n}@example.com`,
    token: `vt-${n}`,
    expires: nowSeconds + expiresIn,
  }
}

/** Writes items 0..count-1 to `tableName` with BatchWriteItem, `concurrency` batches at a time. */
export async function fillAuthjsTable(documentClient, tableName, count, { concurrency = 4 } = {}) {
  const { BatchWriteCommand } = await import('@aws-sdk/lib-dynamodb')
  const now = Math.floor(Date.now() / 1000)
  let next = 0
  const worker = async () => {
    while (next < count) {
      const offset = next
      next += 25
      const items = []
      for (let n = offset; n < Math.min(offset + 25, count); n++) items.push(authjsItem(n, now))
      let request = { [tableName]: items.map((Item) => ({ PutRequest: { Item } })) }
      while (request && Object.keys(request).length > 0) {
        const answer = await documentClient.send(new BatchWriteCommand({ RequestItems: request }))
        request = answer.UnprocessedItems
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}
