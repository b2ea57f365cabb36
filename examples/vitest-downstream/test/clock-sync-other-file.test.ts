import { DynamoDBAdapter } from '@auth-dynamo/adapter'
import { fileNamespace, isolatedAuthjsTable } from '@auth-dynamo/harness/vitest/worker'
import { expect, test } from 'vitest'

const HOUR = 3_600_000
const realNow = () => performance.timeOrigin + performance.now()

// Runs beside clock-sync.test.ts, which moves its own clock and Date two hours ahead.
const namespace = await fileNamespace({ syncSystemTime: true })
const table = await isolatedAuthjsTable()
const adapter = DynamoDBAdapter(table.client, table.adapterOptions)

test("another file's time travel moves neither this file's Date nor its clock", async () => {
  expect(Math.abs(Date.now() - realNow())).toBeLessThan(60_000)
  expect(Math.abs((await namespace.clock.now()).getTime() - realNow())).toBeLessThan(60_000)
  const user = await adapter.createUser({
    id: crypto.randomUUID(),
    email: 'other@example.com',
    emailVerified: null,
  })
  const { sessionToken } = await adapter.createSession({
    sessionToken: crypto.randomUUID(),
    userId: user.id,
    expires: new Date(Date.now() + HOUR),
  })
  expect(await adapter.getSessionAndUser(sessionToken)).not.toBeNull()
  expect(await table.sweep()).toEqual({ deleted: 0 })
})
