import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DynamoDBAdapter } from '../../src/index.js'
import { documentClient, scanAll } from '../compat/document-client.js'
import {
  accountInput,
  authenticatorInput,
  sessionInput,
  verificationTokenInput,
} from '../compat/fixtures.js'
import { authorizedByParts, isAllowedAction } from '../support/least-privilege.js'
import { describeOnBackends } from '../support/test-backend.js'
import { type CommandRecorder, recordCommands } from './command-recorder.js'
import { createUserGraph } from './user-graph.js'

/**
 * The IAM actions the adapter needs today, narrower than the policy: the README offers them as
 * the tightest policy that works, so this set is held to as well. Its TransactWriteItems requests
 * need no action of their own: IAM authorizes each Put, Update and Delete part as PutItem,
 * UpdateItem and DeleteItem.
 */
const sentByAdapter = ['BatchWriteItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem']

const missing = 'missing-00000000-0000-0000-0000-000000000000'

describeOnBackends((backend) => {
  let client: ReturnType<typeof documentClient>
  let recorder: CommandRecorder
  // The test's own reads go through a client without the recorder.
  let inspector: ReturnType<typeof documentClient>

  beforeAll(async () => {
    client = documentClient(backend)
    recorder = recordCommands(client.client)
    inspector = documentClient(backend)
  })

  afterAll(async () => {
    client?.document.destroy()
    inspector?.document.destroy()
  })

  function outsidePolicy(): string[] {
    return [...recorder.actions].filter((action) => !isAllowedAction(action))
  }

  function outsideSentByAdapter(): string[] {
    return [...recorder.actions].filter(
      (action) => !sentByAdapter.includes(action) && !authorizedByParts.has(action),
    )
  }

  /** Settles a call that may reject: only the requests it sends matter here. */
  async function settle(call: () => unknown): Promise<void> {
    try {
      await call()
    } catch {}
  }

  describe('IAM actions', () => {
    it('all 19 methods, found and missing, send only actions in the policy', async () => {
      const { tableName } = await backend.createAuthjsTable()
      const ours = DynamoDBAdapter(client.document, { tableName })
      const { user, account, session, token, authenticator } = await createUserGraph(ours)

      await ours.getUser(user.id)
      await ours.getUserByEmail(user.email)
      await ours.getUserByAccount(account)
      await ours.getAccount(account.providerAccountId, account.provider)
      await ours.getSessionAndUser(session.sessionToken)
      await ours.updateUser({ id: user.id, email: `new-${user.email}`, name: null })
      await ours.updateSession({ sessionToken: session.sessionToken, expires: new Date() })
      await ours.getAuthenticator(authenticator.credentialID)
      await ours.listAuthenticatorsByUserId(user.id)
      await ours.updateAuthenticatorCounter(authenticator.credentialID, 1)
      await ours.useVerificationToken(token)
      await ours.deleteSession(session.sessionToken)
      await ours.unlinkAccount(account)
      await ours.deleteUser(user.id)

      await ours.getUser(missing)
      await ours.getUserByEmail(`${missing}@example.com`)
      await ours.getUserByAccount({ provider: 'github', providerAccountId: missing })
      await ours.getAccount(missing, 'github')
      await ours.getSessionAndUser(missing)
      await settle(() => ours.updateUser({ id: missing, name: 'phantom' }))
      await settle(() => ours.updateSession({ sessionToken: missing, expires: new Date() }))
      await ours.getAuthenticator(missing)
      await ours.listAuthenticatorsByUserId(missing)
      await settle(() => ours.updateAuthenticatorCounter(missing, 1))
      await ours.useVerificationToken({ identifier: missing, token: missing })
      await settle(() => ours.deleteSession(missing))
      await settle(() => ours.unlinkAccount({ provider: 'github', providerAccountId: missing }))
      await settle(() => ours.deleteUser(missing))

      expect(outsidePolicy()).toEqual([])
      // All six seen: the recorder saw the adapter at work, so the empty differences mean something.
      expect(
        [...recorder.actions].filter((action) => !authorizedByParts.has(action)).sort(),
      ).toEqual(sentByAdapter)
      // Transactions were among them, each authorized by its parts.
      expect(recorder.seen.has('TransactWriteItems')).toBe(true)
      expect([...recorder.actions]).not.toContain('ConditionCheckItem')
    })

    it('deleteUser of a user with 120 related items sends only actions in the policy', async () => {
      const { tableName } = await backend.createAuthjsTable()
      const ours = DynamoDBAdapter(client.document, { tableName })
      const { user } = await createUserGraph(ours)
      const writes: unknown[] = []
      for (let i = 0; i < 40; i++) writes.push(ours.createSession(sessionInput(user.id)))
      for (let i = 0; i < 30; i++) writes.push(ours.linkAccount(accountInput(user.id)))
      for (let i = 0; i < 30; i++)
        writes.push(ours.createAuthenticator(authenticatorInput(user.id)))
      for (let i = 0; i < 15; i++) {
        writes.push(
          ours.createVerificationToken({ ...verificationTokenInput(), identifier: user.email }),
        )
      }
      await Promise.all(writes)
      recorder.clear()

      await ours.deleteUser(user.id)

      expect(recorder.operations).toContain('BatchWriteItem')
      expect(outsidePolicy()).toEqual([])
      expect(outsideSentByAdapter()).toEqual([])
      const left = await scanAll(inspector.document, tableName)
      expect(left.filter((item) => item.pk === `USER#${user.id}`)).toEqual([])
    })

    it('a missing table or index is reported using only actions in the policy', async () => {
      const noIndex = await backend.createTable({
        TableName: `no-index-${Date.now()}`,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      })
      const noTable = DynamoDBAdapter(client.document, { tableName: `no-table-${Date.now()}` })
      const withoutIndex = DynamoDBAdapter(client.document, { tableName: noIndex.tableName })
      recorder.clear()

      await expect(noTable.getUser(missing)).rejects.toMatchObject({ code: 'TABLE_NOT_FOUND' })
      await expect(withoutIndex.getUserByEmail(`${missing}@example.com`)).rejects.toMatchObject({
        code: 'INDEX_NOT_FOUND',
      })

      expect(recorder.operations.length).toBeGreaterThan(0)
      expect(outsidePolicy()).toEqual([])
      expect(outsideSentByAdapter()).toEqual([])
    })
  })
})
