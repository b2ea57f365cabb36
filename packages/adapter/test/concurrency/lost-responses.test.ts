import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DynamoDBAdapter, type DynamoDBAdapterInstance } from '../../src/index.js'
import {
  DAY,
  inWholeSeconds,
  newAccount,
  newAuthenticator,
  newSession,
  newUser,
  newVerificationToken,
} from '../behaviour/support/fixtures.js'
import { authUpstream } from '../compat/upstream-adapters.js'
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.js'
import { recordSdkOperations } from '../support/least-privilege.js'
import { patientRetryStrategy } from '../support/patient-retry-strategy.js'
import { authjsTranslateConfig, describeOnBackends } from '../support/test-backend.js'

// A fifth of the responses is lost after DynamoDB applied the request: the client sees a reset
// connection or a 500, and the AWS SDK sends the request again. Every conditional write must
// then still answer right: its retry fails its own condition, and the adapter has to recognise
// that the write was its own.

const calls = 500
const lossRate = 0.2
const concurrency = 10

/** Runs `count` calls, `concurrency` at a time; collects what went wrong, by call index. */
async function runCalls(count: number, call: (index: number) => Promise<void>) {
  const failures: string[] = []
  let next = 0
  const worker = async () => {
    for (let index = next++; index < count; index = next++) {
      try {
        await call(index)
      } catch (error) {
        failures.push(`#${index}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return failures
}

/** Makes `count` things, 25 at a time (setup, straight to the backend). */
async function inBatches<T>(count: number, make: () => Promise<T>): Promise<T[]> {
  const made: T[] = []
  for (let done = 0; done < count; done += 25) {
    made.push(...(await Promise.all(Array.from({ length: Math.min(25, count - done) }, make))))
  }
  return made
}

/** Fails the call (a false failure) when the answer is not the expected one. */
function expectAnswer(actual: unknown, expected: unknown, what: string) {
  try {
    expect(actual).toEqual(expected)
  } catch {
    throw new Error(`${what}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`)
  }
}

const writes = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'TransactWriteItems',
  'BatchWriteItem',
])

describeOnBackends((backend) => {
  let proxy: FaultProxy
  let client: DynamoDBDocument
  let tableName: string
  /** Through the proxy: loses responses. */
  let faulty: DynamoDBAdapterInstance
  /** Straight to the backend: sets up and checks. */
  let direct: DynamoDBAdapterInstance
  const report: string[] = []
  let seed = 1

  beforeAll(async () => {
    ;({ tableName } = await backend.createAuthjsTable())
    direct = DynamoDBAdapter(backend.client, { tableName })
  })
  afterAll(async () => {
    client?.destroy()
    await proxy?.close()
    console.log(
      [
        `lost responses on ${backend.name}: ${calls} calls per method, ${lossRate * 100} % of responses lost`,
        ...report,
      ].join('\n'),
    )
  })

  /** A fresh proxy (its own seed) and client for one method's calls. */
  async function lossyAdapter() {
    client?.destroy()
    await proxy?.close()
    proxy = await startFaultProxy({ target: backend.endpoint, lossRate, seed: seed++ })
    client = DynamoDBDocument.from(
      new DynamoDBClient({
        endpoint: proxy.endpoint,
        region: backend.region,
        credentials: backend.credentials,
        retryStrategy: patientRetryStrategy(12),
      }),
      authjsTranslateConfig,
    )
    recordSdkOperations(client)
    faulty = DynamoDBAdapter(client, { tableName })
  }

  function lostWrites(): number {
    let sum = 0
    for (const [operation, count] of proxy.stats.lost) if (writes.has(operation)) sum += count
    return sum
  }

  /** Runs the method's calls through the proxy and expects no false failure. */
  async function measure(method: string, count: number, call: (index: number) => Promise<void>) {
    await lossyAdapter()
    const failures = await runCalls(count, call)
    const lost = lostWrites()
    report.push(
      `  ${method}: ${count} calls, ${lost} write responses lost, ${failures.length} false failures`,
    )
    // The proxy did lose responses of this method's writes, so the zero below means something.
    expect(lost).toBeGreaterThan(count * lossRate * 0.5)
    expect(failures).toEqual([])
  }

  describe(`every conditional write answers right with ${lossRate * 100} % of responses lost`, () => {
    it('createUser (TransactWriteItems with the email claim)', async () => {
      const users = Array.from({ length: calls }, () => newUser())
      await measure('createUser', calls, async (i) => {
        const user = users[i] as (typeof users)[number]
        expectAnswer(await faulty.createUser(user), user, 'createUser')
      })
      for (const user of users.slice(0, 20)) expect(await direct.getUser(user.id)).toEqual(user)
    }, 300_000)

    it('createUser without an email (conditional PutItem)', async () => {
      const users = Array.from({ length: calls }, () => newUser({ email: null as never }))
      await measure('createUser (no email)', calls, async (i) => {
        const user = users[i] as (typeof users)[number]
        expectAnswer(await faulty.createUser(user), user, 'createUser')
      })
    }, 300_000)

    it('updateUser (conditional UpdateItem) and updateUser with a new email (transaction)', async () => {
      const users = await inBatches(calls / 2, () => direct.createUser(newUser()))
      await measure('updateUser', calls / 2, async (i) => {
        const user = users[i] as (typeof users)[number]
        expectAnswer(
          await faulty.updateUser({ id: user.id, name: `renamed ${i}` }),
          { ...user, name: `renamed ${i}` },
          'updateUser',
        )
      })
      await measure('updateUser with a new email', calls / 2, async (i) => {
        const user = users[i] as (typeof users)[number]
        const email = `moved-${user.email}`
        expectAnswer(
          await faulty.updateUser({ id: user.id, email }),
          { ...user, name: `renamed ${i}`, email },
          'updateUser',
        )
        expectAnswer((await direct.getUserByEmail(email))?.id, user.id, 'the new email')
        expectAnswer(await direct.getUserByEmail(user.email), null, 'the old email')
      })
    }, 300_000)

    it('linkAccount and unlinkAccount (transactions with the account claim)', async () => {
      const user = await direct.createUser(newUser())
      const accounts = Array.from({ length: calls / 2 }, () => newAccount(user.id))
      await measure('linkAccount', calls / 2, async (i) => {
        const account = accounts[i] as (typeof accounts)[number]
        expectAnswer(await faulty.linkAccount(account), account, 'linkAccount')
      })
      await measure('unlinkAccount', calls / 2, async (i) => {
        const account = accounts[i] as (typeof accounts)[number]
        expectAnswer(await faulty.unlinkAccount(account), account, 'unlinkAccount')
        expectAnswer(await direct.getUserByAccount(account), null, 'the unlinked account')
      })
    }, 300_000)

    it('updateSession (conditional UpdateItem) and deleteSession', async () => {
      const user = await direct.createUser(newUser())
      const sessions = await inBatches(calls / 2, () => direct.createSession(newSession(user.id)))
      const expires = inWholeSeconds(9 * DAY)
      await measure('updateSession', calls / 2, async (i) => {
        const session = sessions[i] as (typeof sessions)[number]
        expectAnswer(
          await faulty.updateSession({ sessionToken: session.sessionToken, expires }),
          { ...session, expires },
          'updateSession',
        )
      })
      await measure('deleteSession', calls / 2, async (i) => {
        const session = sessions[i] as (typeof sessions)[number]
        expectAnswer(
          await faulty.deleteSession(session.sessionToken),
          { ...session, expires },
          'deleteSession',
        )
      })
    }, 300_000)

    it('useVerificationToken, one caller per token: the magic link always works', async () => {
      const tokens = await inBatches(calls, () =>
        direct.createVerificationToken(newVerificationToken('ada@example.com')),
      )
      await measure('useVerificationToken', calls, async (i) => {
        const token = tokens[i] as (typeof tokens)[number]
        expectAnswer(await faulty.useVerificationToken(token), token, 'useVerificationToken')
      })
    }, 300_000)

    it('useVerificationToken, five racing callers per token: exactly one gets it, never none', async () => {
      const racers = 5
      const tokens = await inBatches(calls / racers, () =>
        direct.createVerificationToken(newVerificationToken('eve@example.com')),
      )
      await measure('useVerificationToken (races)', calls / racers, async (i) => {
        const token = tokens[i] as (typeof tokens)[number]
        const results = await Promise.all(
          Array.from({ length: racers }, () => faulty.useVerificationToken(token)),
        )
        expectAnswer(
          results.filter((result) => result !== null),
          [token],
          'the winners',
        )
      })
    }, 300_000)

    it('createAuthenticator (conditional PutItem) and updateAuthenticatorCounter', async () => {
      const user = await direct.createUser(newUser())
      const authenticators = Array.from({ length: calls / 2 }, () => newAuthenticator(user.id))
      await measure('createAuthenticator', calls / 2, async (i) => {
        const authenticator = authenticators[i] as (typeof authenticators)[number]
        expectAnswer(
          await faulty.createAuthenticator(authenticator),
          authenticator,
          'createAuthenticator',
        )
      })
      await measure('updateAuthenticatorCounter', calls / 2, async (i) => {
        const authenticator = authenticators[i] as (typeof authenticators)[number]
        expectAnswer(
          await faulty.updateAuthenticatorCounter(authenticator.credentialID, i + 1),
          { ...authenticator, counter: i + 1 },
          'updateAuthenticatorCounter',
        )
      })
    }, 300_000)

    it('the fault is real: @auth/dynamodb-adapter 2.11.3 loses magic links to it', async () => {
      const tokens = await inBatches(100, () =>
        direct.createVerificationToken(newVerificationToken('ada@example.com')),
      )
      await lossyAdapter()
      const upstream = authUpstream.create(client, { tableName })

      const failures = await runCalls(tokens.length, async (i) => {
        const token = tokens[i] as (typeof tokens)[number]
        expectAnswer(await upstream.useVerificationToken(token), token, 'useVerificationToken')
      })

      report.push(`  upstream useVerificationToken: 100 calls, ${failures.length} false failures`)
      expect(failures.length).toBeGreaterThan(0)
    }, 300_000)

    it('deleteUser (paged Query, BatchWriteItem)', async () => {
      const count = 100
      const users = await inBatches(count, async () => {
        const user = await direct.createUser(newUser())
        await direct.linkAccount(newAccount(user.id))
        await direct.createSession(newSession(user.id))
        return user
      })
      await measure('deleteUser', count, async (i) => {
        const user = users[i] as (typeof users)[number]
        expectAnswer(await faulty.deleteUser(user.id), user, 'deleteUser')
        expectAnswer(await direct.getUser(user.id), null, 'the deleted user')
      })
    }, 300_000)
  })
})
