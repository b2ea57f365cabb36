import { DynamoDBAdapter } from '@auth-dynamo/adapter'
import { fileNamespace, isolatedAuthjsTable } from '@auth-dynamo/harness/vitest/worker'
import { expect, test } from 'vitest'

const HOUR = 3_600_000
// The real time, which vi.setSystemTime (it fakes Date only) leaves alone.
const realNow = () => performance.timeOrigin + performance.now()

const namespace = await fileNamespace({ syncSystemTime: true })
const table = await isolatedAuthjsTable()
const adapter = DynamoDBAdapter(table.client, table.adapterOptions)

test("after this file's clock moves two hours, a one-hour session reads as expired without a sweep", async () => {
  const user = await adapter.createUser({
    id: crypto.randomUUID(),
    email: 'sync@example.com',
    emailVerified: null,
  })
  const { sessionToken } = await adapter.createSession({
    sessionToken: crypto.randomUUID(),
    userId: user.id,
    expires: new Date(Date.now() + HOUR),
  })
  expect(await adapter.getSessionAndUser(sessionToken)).not.toBeNull()

  const before = Date.now()
  const moved = await namespace.clock.advance(2 * HOUR)
  expect(Date.now()).toBe(moved.getTime())
  expect(Date.now() - before).toBe(2 * HOUR)

  expect(await adapter.getSessionAndUser(sessionToken)).toBeNull()
  // Nothing was swept: the item is still stored, as in DynamoDB before TTL runs.
  expect((await table.items()).some((item) => item.sessionToken === sessionToken)).toBe(true)
  expect(realNow() - Date.now()).toBeLessThan(-HOUR)
})
