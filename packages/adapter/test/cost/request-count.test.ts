import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DynamoDBAdapter, type DynamoDBAdapterInstance } from '../../src/index.js'
import { documentClient } from '../compat/document-client.js'
import { accountInput, inDays, sessionInput, userInput } from '../compat/fixtures.js'
import { authUpstream, type UpstreamAdapter } from '../compat/upstream-adapters.js'
import { describeOnBackends } from '../support/test-backend.js'
import { type CommandRecorder, recordCommands } from './command-recorder.js'
import { createUserGraph, type UserGraph } from './user-graph.js'

/** One measured call: `run` must reach the path named by `name` (its expectations say so). */
interface Bounds {
  name: string
  /** Requests allowed: `exactly` for plain gets and writes, `atMost` for an index lookup plus one. */
  exactly?: number
  atMost?: number
  /** Checks a write took effect, through the uncounted setup adapter. */
  verify?(writer: DynamoDBAdapterInstance, graph: UserGraph): unknown
  /**
   * Why ours may send more requests than upstream for this call: only where correctness needs
   * it (DESIGN.md: a uniqueness guard, an answer that survives a lost response).
   */
  aboveUpstream?: string
}

/** A method `@auth/dynamodb-adapter` has too: measured on both, ours never above upstream. */
interface SharedCase extends Bounds {
  upstream: true
  run(adapter: UpstreamAdapter, graph: UserGraph): unknown
}

/** A method only ours has (upstream lacks getAccount and the WebAuthn methods). */
interface OursOnlyCase extends Bounds {
  upstream: false
  run(adapter: DynamoDBAdapterInstance, graph: UserGraph): unknown
}

type CostCase = SharedCase | OursOnlyCase

const missing = 'missing-00000000-0000-0000-0000-000000000000'

const cases: CostCase[] = [
  {
    name: 'createUser',
    exactly: 1,
    upstream: true,
    run: async (adapter) => expect(await adapter.createUser(userInput())).toBeTruthy(),
  },
  {
    name: 'createUser of a user without an email (next-auth v4, some OAuth providers)',
    exactly: 1,
    upstream: true,
    run: async (adapter) =>
      expect(await adapter.createUser(userInput({ email: null as never }))).toBeTruthy(),
  },
  {
    name: 'getUser',
    exactly: 1,
    upstream: true,
    run: async (adapter, { user }) =>
      expect(await adapter.getUser(user.id)).toMatchObject({ id: user.id }),
  },
  {
    name: 'getUser of a missing user',
    exactly: 1,
    upstream: true,
    run: async (adapter) => expect(await adapter.getUser(missing)).toBeNull(),
  },
  {
    name: 'getUserByEmail',
    exactly: 1,
    upstream: true,
    run: async (adapter, { user }) =>
      expect(await adapter.getUserByEmail(user.email)).toMatchObject({ id: user.id }),
  },
  {
    name: 'getUserByEmail of an unknown email',
    exactly: 1,
    upstream: true,
    run: async (adapter) => expect(await adapter.getUserByEmail(`${missing}@x.y`)).toBeNull(),
  },
  {
    name: 'updateUser',
    exactly: 1,
    upstream: true,
    run: async (adapter, { user }) =>
      expect(await adapter.updateUser({ id: user.id, name: 'Grace' })).toMatchObject({
        name: 'Grace',
      }),
  },
  {
    name: 'updateUser with a new email',
    exactly: 2,
    aboveUpstream:
      'a GetItem for the old email, then one TransactWriteItems that moves the user and the claims on both emails, so two users never share an email (upstream: one UpdateItem, which also leaves the old email findable)',
    upstream: true,
    run: async (adapter, { user }) => {
      const email = `new-${user.email}`
      expect(await adapter.updateUser({ id: user.id, email })).toMatchObject({ email })
    },
  },
  {
    name: 'linkAccount',
    exactly: 1,
    upstream: true,
    run: (adapter, { user }) =>
      adapter.linkAccount({ ...accountInput(user.id, 'google'), providerAccountId: user.id }),
    verify: async (writer, { user }) =>
      expect(await writer.getAccount(user.id, 'google')).toMatchObject({ userId: user.id }),
  },
  {
    name: 'createSession',
    exactly: 1,
    upstream: true,
    run: async (adapter, { user }) =>
      expect(await adapter.createSession(sessionInput(user.id))).toBeTruthy(),
  },
  {
    name: 'createVerificationToken',
    exactly: 1,
    upstream: true,
    run: (adapter, { user }) =>
      adapter.createVerificationToken({ identifier: user.id, token: user.id, expires: inDays(1) }),
    verify: async (writer, { user }) =>
      expect(
        await writer.useVerificationToken({ identifier: user.id, token: user.id }),
      ).toMatchObject({ identifier: user.id }),
  },
  {
    name: 'useVerificationToken',
    exactly: 2,
    aboveUpstream:
      'an UpdateItem that marks the token with the call id and returns it, then the DeleteItem: with one DeleteItem, a delete whose response was lost is retried by the SDK, finds nothing, and the magic link reads as invalid',
    upstream: true,
    run: async (adapter, { token }) =>
      expect(await adapter.useVerificationToken(token)).toMatchObject({ token: token.token }),
  },
  {
    name: 'useVerificationToken of an unknown token',
    exactly: 1,
    upstream: true,
    run: async (adapter, { token }) =>
      expect(await adapter.useVerificationToken({ ...token, token: missing })).toBeNull(),
  },
  {
    name: 'getUserByAccount',
    atMost: 2,
    upstream: true,
    run: async (adapter, { user, account }) =>
      expect(await adapter.getUserByAccount(account)).toMatchObject({ id: user.id }),
  },
  {
    name: 'getUserByAccount of an unknown account',
    atMost: 2,
    upstream: true,
    run: async (adapter) =>
      expect(
        await adapter.getUserByAccount({ provider: 'github', providerAccountId: missing }),
      ).toBeNull(),
  },
  {
    name: 'getSessionAndUser',
    atMost: 2,
    upstream: true,
    run: async (adapter, { user, session }) =>
      expect(await adapter.getSessionAndUser(session.sessionToken)).toMatchObject({
        user: { id: user.id },
        session: { sessionToken: session.sessionToken },
      }),
  },
  {
    name: 'getSessionAndUser of an unknown session',
    atMost: 2,
    upstream: true,
    run: async (adapter) => expect(await adapter.getSessionAndUser(missing)).toBeNull(),
  },
  {
    name: 'updateSession',
    atMost: 2,
    upstream: true,
    run: async (adapter, { session }) => {
      const expires = inDays(90)
      expect(
        await adapter.updateSession({ sessionToken: session.sessionToken, expires }),
      ).toMatchObject({ expires })
    },
  },
  {
    name: 'deleteSession',
    atMost: 2,
    upstream: true,
    run: (adapter, { session }) => adapter.deleteSession(session.sessionToken),
    verify: async (writer, { session }) =>
      expect(await writer.getSessionAndUser(session.sessionToken)).toBeNull(),
  },
  {
    name: 'unlinkAccount',
    atMost: 2,
    upstream: true,
    run: (adapter, { account }) => adapter.unlinkAccount(account),
    verify: async (writer, { account }) =>
      expect(await writer.getUserByAccount(account)).toBeNull(),
  },
  {
    name: 'getAccount',
    exactly: 1,
    upstream: false,
    run: async (adapter, { account }) =>
      expect(await adapter.getAccount(account.providerAccountId, account.provider)).toMatchObject({
        providerAccountId: account.providerAccountId,
      }),
  },
  {
    // A lookup by credential id first: WebAuthn wants each credential registered to one user only.
    name: 'createAuthenticator',
    atMost: 2,
    upstream: false,
    run: async (adapter, { authenticator }) =>
      expect(
        await adapter.createAuthenticator({
          ...authenticator,
          credentialID: `${authenticator.credentialID}-2`,
        }),
      ).toBeTruthy(),
  },
  {
    name: 'getAuthenticator',
    exactly: 1,
    upstream: false,
    run: async (adapter, { authenticator }) =>
      expect(await adapter.getAuthenticator(authenticator.credentialID)).toMatchObject({
        credentialID: authenticator.credentialID,
      }),
  },
  {
    name: 'listAuthenticatorsByUserId',
    exactly: 1,
    upstream: false,
    run: async (adapter, { user }) =>
      expect(await adapter.listAuthenticatorsByUserId(user.id)).toHaveLength(1),
  },
  {
    name: 'updateAuthenticatorCounter',
    atMost: 2,
    upstream: false,
    run: async (adapter, { authenticator }) =>
      expect(await adapter.updateAuthenticatorCounter(authenticator.credentialID, 7)).toMatchObject(
        { counter: 7 },
      ),
  },
]

describeOnBackends((backend) => {
  let tableName: string
  let setup: ReturnType<typeof documentClient>
  let writer: DynamoDBAdapterInstance
  let ours: ReturnType<typeof documentClient>
  let oursRecorder: CommandRecorder
  let theirs: ReturnType<typeof documentClient>
  let theirsRecorder: CommandRecorder

  beforeAll(async () => {
    ;({ tableName } = await backend.createAuthjsTable())
    // Three clients: setup writes are not counted, and each adapter under test has its own recorder.
    setup = documentClient(backend)
    writer = DynamoDBAdapter(setup.document, { tableName })
    ours = documentClient(backend)
    oursRecorder = recordCommands(ours.client)
    theirs = documentClient(backend)
    theirsRecorder = recordCommands(theirs.client)
  })

  const report: string[] = []

  afterAll(() => {
    setup?.document.destroy()
    ours?.document.destroy()
    theirs?.document.destroy()
    // The requests of each method beside upstream's, in the test output.
    console.log(
      [
        `requests per call on ${backend.name} (ours / @auth/dynamodb-adapter 2.11.3):`,
        ...report,
      ].join('\n'),
    )
  })

  /**
   * The operations one call sends, on a fresh user graph. The caller builds the adapter inside
   * `call`, so any lazy first-use work (a DescribeTable, say) is counted against every method.
   */
  async function measure(
    recorder: CommandRecorder,
    call: (graph: UserGraph) => unknown,
    verify: Bounds['verify'],
  ): Promise<string[]> {
    const graph = await createUserGraph(writer)
    recorder.clear()
    await call(graph)
    const sent = [...recorder.operations]
    await verify?.(writer, graph)
    return sent
  }

  describe('requests per method', () => {
    it.each(cases)('$name', async (costCase) => {
      const sent = await measure(
        oursRecorder,
        (graph) => costCase.run(DynamoDBAdapter(ours.document, { tableName }), graph),
        costCase.verify,
      )

      if (costCase.exactly !== undefined) expect(sent).toHaveLength(costCase.exactly)
      if (costCase.atMost !== undefined) expect(sent.length).toBeLessThanOrEqual(costCase.atMost)
      if (!costCase.upstream) report.push(`  ${costCase.name}: ${sent.join(' + ')} / (none)`)
      if (costCase.upstream) {
        const upstreamSent = await measure(
          theirsRecorder,
          (graph) => costCase.run(authUpstream.create(theirs.document, { tableName }), graph),
          costCase.verify,
        )
        report.push(`  ${costCase.name}: ${sent.join(' + ')} / ${upstreamSent.join(' + ')}`)
        expect(upstreamSent.length).toBeGreaterThan(0)
        if (costCase.aboveUpstream === undefined) {
          expect(sent.length).toBeLessThanOrEqual(upstreamSent.length)
        } else {
          // The reason must stay true: ours does send more here.
          expect(sent.length).toBeGreaterThan(upstreamSent.length)
        }
      }
    })
  })
})
