import { DynamoDBAdapter } from '@auth-dynamo/adapter'
import { emulatorClock, isolatedAuthjsTable } from '@auth-dynamo/harness/vitest/worker'
import { expect, onTestFinished, test } from 'vitest'
import { listActiveSessions } from '../src/list-active-sessions.js'

const HOUR = 3_600_000

/** A fresh table (and a user in it) for one test, so its sweeps count only its own items. */
async function tableWithUser() {
  const table = await isolatedAuthjsTable()
  onTestFinished(() => table.dispose())
  const adapter = DynamoDBAdapter(table.client, table.adapterOptions)
  const user = await adapter.createUser({
    id: crypto.randomUUID(),
    email: `${crypto.randomUUID()}@example.com`,
    emailVerified: null,
  })
  const sessionTokens = async () =>
    (await table.items()).filter((item) => item.type === 'SESSION').map((item) => item.sessionToken)
  return { table, adapter, user, sessionTokens }
}

test('an expired session is no longer active, though the table still holds it', async () => {
  const { table, adapter, user, sessionTokens } = await tableWithUser()
  const live = await adapter.createSession({
    sessionToken: crypto.randomUUID(),
    userId: user.id,
    expires: new Date(Date.now() + HOUR),
  })
  const expired = await adapter.createSession({
    sessionToken: crypto.randomUUID(),
    userId: user.id,
    expires: new Date(Date.now() - HOUR),
  })

  const active = await listActiveSessions(table.client, table.adapterOptions, user.id)
  expect(active.map((session) => session.sessionToken)).toEqual([live.sessionToken])
  // The adapter stores epoch seconds with the milliseconds as a fraction: the expiry survives whole.
  expect(active[0]?.expires).toEqual(live.expires)
  // No TTL sweep has run: DynamoDB, too, keeps expired items for a while.
  expect(await sessionTokens()).toContain(expired.sessionToken)
  expect(await adapter.getSessionAndUser(expired.sessionToken)).toBeNull()
})

test("sessions leave the table once the emulator's clock passes their expiry", async () => {
  const { table, adapter, user, sessionTokens } = await tableWithUser()
  // The clock is shared by every file of the run and may be ahead of the wall clock: measure
  // expiry from the emulator's now.
  const now = (await emulatorClock().now()).getTime()
  const short = await adapter.createSession({
    sessionToken: crypto.randomUUID(),
    userId: user.id,
    expires: new Date(now + HOUR),
  })
  const long = await adapter.createSession({
    sessionToken: crypto.randomUUID(),
    userId: user.id,
    expires: new Date(now + 30 * 24 * HOUR),
  })
  expect(await table.sweep()).toEqual({ deleted: 0 })

  await emulatorClock().advance(2 * HOUR)

  expect(await table.sweep()).toEqual({ deleted: 1 })
  expect(await sessionTokens()).toEqual([long.sessionToken])
  expect(await adapter.getSessionAndUser(short.sessionToken)).toBeNull()
  expect(
    (await listActiveSessions(table.client, table.adapterOptions, user.id)).map(
      (session) => session.sessionToken,
    ),
  ).toEqual([long.sessionToken])
})
