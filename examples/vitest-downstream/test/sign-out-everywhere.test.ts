import { DynamoDBAdapter } from '@auth-dynamo/adapter'
import { isolatedAuthjsTable } from '@auth-dynamo/harness/vitest/worker'
import { afterAll, expect, test } from 'vitest'
import { signOutEverywhere } from '../src/sign-out-everywhere.js'

// A fresh table of this file's own: other files' users and sessions never show up here.
const table = await isolatedAuthjsTable()
const adapter = DynamoDBAdapter(table.client, table.adapterOptions)
afterAll(() => table.dispose())

const inOneDay = () => new Date(Date.now() + 86_400_000)

async function userWithSessions(count: number) {
  const user = await adapter.createUser({
    id: crypto.randomUUID(),
    email: `${crypto.randomUUID()}@example.com`,
    emailVerified: null,
  })
  const tokens: string[] = []
  for (let index = 0; index < count; index += 1) {
    const session = await adapter.createSession({
      sessionToken: crypto.randomUUID(),
      userId: user.id,
      expires: inOneDay(),
    })
    tokens.push(session.sessionToken)
  }
  return { user, tokens }
}

const stillSignedIn = async (tokens: string[]) => {
  const found = await Promise.all(tokens.map((token) => adapter.getSessionAndUser(token)))
  return tokens.filter((_, index) => found[index] !== null)
}

test("deletes every session of the user, and only the user's sessions", async () => {
  const alice = await userWithSessions(3)
  const bob = await userWithSessions(1)
  await adapter.linkAccount({
    userId: alice.user.id,
    type: 'oauth',
    provider: 'github',
    providerAccountId: crypto.randomUUID(),
  })

  expect(await signOutEverywhere(table.client, table.adapterOptions, alice.user.id)).toEqual({
    signedOut: 3,
  })

  expect(await stillSignedIn(alice.tokens)).toEqual([])
  expect(await stillSignedIn(bob.tokens)).toEqual(bob.tokens)
  // The user, the linked account and the adapter's claims on the email and the provider account
  // stay: this signs out, it does not delete the account.
  expect(await adapter.getUser(alice.user.id)).toEqual(alice.user)
  const types = (await table.items())
    .filter((item) => item.userId === alice.user.id || item.id === alice.user.id)
    .map((item) => item.type)
  expect(types.sort()).toEqual(['UNIQUE_ACCOUNT', 'UNIQUE_EMAIL', 'USER', 'oauth'])
})

test('keeps the session of the device that asked', async () => {
  const { user, tokens } = await userWithSessions(3)
  const [current, ...others] = tokens

  const result = await signOutEverywhere(table.client, table.adapterOptions, user.id, {
    keep: current,
  })

  expect(result).toEqual({ signedOut: 2 })
  expect(await stillSignedIn(tokens)).toEqual([current])
  expect(await stillSignedIn(others)).toEqual([])
})

test('signs out nobody for a user without sessions', async () => {
  const { user } = await userWithSessions(0)
  expect(await signOutEverywhere(table.client, table.adapterOptions, user.id)).toEqual({
    signedOut: 0,
  })
})
