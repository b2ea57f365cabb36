import { randomUUID } from 'node:crypto'
import type { Adapter } from '@auth/core/adapters'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DynamoDBAdapter } from '../../src/index.js'
import { scanAll } from '../behaviour/support/backend-fixture.js'
import { authUpstream } from '../compat/upstream-adapters.js'
import {
  authjsApp,
  type OAuthProfile,
  type SignInOutcome,
  startFakeOAuthProvider,
} from '../support/authjs-sign-in.js'
import { describeOnBackends, type TestBackend } from '../support/test-backend.js'

// Two browser tabs finishing a first sign-in at the same moment, through Auth.js itself. Auth.js
// looks the person up (getUserByAccount, getUserByEmail), finds nobody in both tabs, and creates
// the user in both: without a uniqueness guard that makes two users (upstream: every round).

const rounds = 100
// Rounds run a few at a time; the two tabs of a round always run at once.
const parallelRounds = 4

type Race =
  | 'the same OAuth account in two tabs'
  | 'the same email magic link in two tabs'
  | 'OAuth and a magic link for one address at once'
const races: Race[] = [
  'the same OAuth account in two tabs',
  'the same email magic link in two tabs',
  'OAuth and a magic link for one address at once',
]

interface RoundResult {
  email: string
  providerAccountId: string
  outcomes: SignInOutcome[]
}

/**
 * The messages of an error and of its causes. Auth.js wraps what an adapter throws in an
 * AdapterError whose cause is `{ err: <the adapter's error> }`.
 */
function messages(error: unknown): string {
  const parts: string[] = []
  let current: unknown = error
  while (current instanceof Error) {
    parts.push(current.message)
    const cause: unknown = current.cause
    current = cause instanceof Error ? cause : (cause as { err?: unknown } | undefined)?.err
  }
  return parts.join(' <- ')
}

/** Users and accounts in the table beyond one per email and one per provider account. */
async function duplicatesIn(backend: TestBackend, tableName: string) {
  const items = await scanAll(backend.client, tableName)
  const count = (keys: string[]) => {
    const seen = new Map<string, number>()
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1)
    return [...seen.values()].reduce((sum, n) => sum + n - 1, 0)
  }
  const users = items.filter((item) => item.type === 'USER')
  const accounts = items.filter((item) => String(item.sk).startsWith('ACCOUNT#'))
  return {
    users: users.length,
    duplicateUsers: count(users.map((user) => String(user.email))),
    duplicateAccounts: count(
      accounts.map((account) => `${account.provider}#${account.providerAccountId}`),
    ),
  }
}

describeOnBackends((backend) => {
  let oauth: Awaited<ReturnType<typeof startFakeOAuthProvider>>
  beforeAll(async () => {
    oauth = await startFakeOAuthProvider()
  })
  afterAll(() => oauth?.close())

  async function raceRounds(adapter: Adapter, race: Race, count: number) {
    const app = authjsApp(adapter, oauth.url)
    const round = async (): Promise<RoundResult> => {
      const email = `racer-${randomUUID()}@example.com`
      const profile: OAuthProfile = { sub: randomUUID(), email, name: 'Racer' }
      const tabs =
        race === 'the same OAuth account in two tabs'
          ? [
              await app.startOAuthSignIn(oauth.codeFor(profile)),
              await app.startOAuthSignIn(oauth.codeFor(profile)),
            ]
          : race === 'the same email magic link in two tabs'
            ? [await app.startEmailSignIn(email), await app.startEmailSignIn(email)]
            : [
                await app.startEmailSignIn(email),
                await app.startOAuthSignIn(oauth.codeFor(profile)),
              ]
      const outcomes = await Promise.all(tabs.map((tab) => tab.finish()))
      return { email, providerAccountId: profile.sub, outcomes }
    }
    const results: RoundResult[] = []
    for (let done = 0; done < count; done += parallelRounds) {
      results.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(parallelRounds, count - done) }, round),
        )),
      )
    }
    return { results, errors: app.errors }
  }

  describe.each(races)('%s', (race) => {
    it(`makes one user in each of ${rounds} rounds, and every tab ends signed in as that user or with an Auth.js error`, async () => {
      const { tableName } = await backend.createAuthjsTable()
      const adapter = DynamoDBAdapter(backend.client, { tableName })

      const { results, errors } = await raceRounds(adapter, race, rounds)

      const duplicates = await duplicatesIn(backend, tableName)
      const signedIn = results.flatMap((r) => r.outcomes).filter((o) => o.signedIn).length
      const refused = results.flatMap((r) => r.outcomes).filter((o) => !o.signedIn)
      const reasons = new Map<string, number>()
      for (const outcome of refused) {
        const reason = outcome.signedIn ? '' : outcome.error
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
      }
      const guarded = new Set(
        errors.filter((error) =>
          /belongs to another user|is linked to another user/.test(messages(error)),
        ),
      ).size
      console.log(
        `${race} on ${backend.name}: ${rounds} rounds, ${duplicates.users} users, ${duplicates.duplicateUsers} duplicate users, ${duplicates.duplicateAccounts} duplicate accounts; ${signedIn} tabs signed in, ${refused.length} refused (${[...reasons].map(([reason, n]) => `${n} ${reason}`).join(', ') || 'none'}); the uniqueness guard refused a write ${guarded} times`,
      )

      expect(duplicates).toEqual({ users: rounds, duplicateUsers: 0, duplicateAccounts: 0 })
      for (const { email, outcomes } of results) {
        // At least one tab gets in, and every tab that does is the one user of that email.
        expect(outcomes.some((outcome) => outcome.signedIn)).toBe(true)
        const user = await adapter.getUserByEmail(email)
        for (const outcome of outcomes) {
          if (!outcome.signedIn) continue
          const session = await adapter.getSessionAndUser(outcome.sessionToken)
          expect(session?.user.id).toBe(user?.id)
        }
      }
      // Refusals are Auth.js's own error pages, from the guard or from Auth.js's refusal to link
      // an OAuth account to an existing email; nothing else failed.
      for (const outcome of refused) {
        expect(outcome.signedIn ? '' : outcome.error).toMatch(
          /^(Configuration|OAuthAccountNotLinked|Verification)$/,
        )
      }
      for (const error of errors) {
        expect(messages(error)).toMatch(
          /belongs to another user|is linked to another user|Another account already exists with the same e-mail address/,
        )
      }
    }, 300_000)
  })

  it('the race is real: @auth/dynamodb-adapter 2.11.3 makes two users for one OAuth account', async () => {
    const { tableName } = await backend.createAuthjsTable()
    const upstream = authUpstream.create(backend.client, { tableName }) as Adapter

    await raceRounds(upstream, 'the same OAuth account in two tabs', 10)

    const duplicates = await duplicatesIn(backend, tableName)
    console.log(
      `upstream, the same OAuth account in two tabs on ${backend.name}: 10 rounds, ${duplicates.duplicateUsers} duplicate users, ${duplicates.duplicateAccounts} duplicate accounts`,
    )
    expect(duplicates.duplicateUsers).toBeGreaterThan(0)
  }, 120_000)
})
