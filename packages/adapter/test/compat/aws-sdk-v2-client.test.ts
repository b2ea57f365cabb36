import AWS from 'aws-sdk'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DynamoDBAdapter, type DynamoDBAdapterInstance } from '../../src/index.js'
import { describeOnBackends } from '../support/test-backend.js'
import { documentClient } from './document-client.js'
import { accountInput, sessionInput, userInput } from './fixtures.js'
import { authUpstream, type UpstreamAdapter } from './upstream-adapters.js'

describeOnBackends((backend) => {
  let v3: ReturnType<typeof documentClient>

  beforeAll(() => {
    v3 = documentClient(backend)
  })

  afterAll(() => {
    v3?.document.destroy()
  })

  describe('an aws-sdk v2 DocumentClient, as the next-auth v4 docs set it up', () => {
    let tableName: string
    let ours: DynamoDBAdapterInstance
    let oursOnV3: DynamoDBAdapterInstance
    let upstream: UpstreamAdapter

    beforeEach(async () => {
      ;({ tableName } = await backend.createAuthjsTable())
      // The docs' `new AWS.DynamoDB.DocumentClient()`, pointed at the backend; no other options.
      const v2 = new AWS.DynamoDB.DocumentClient({
        endpoint: backend.endpoint,
        region: backend.region,
        credentials: backend.credentials,
      })
      ours = DynamoDBAdapter(v2, { tableName })
      oursOnV3 = DynamoDBAdapter(v3.document, { tableName })
      upstream = authUpstream.create(v3.document, { tableName })
    })

    it('runs the sign-up flow: createUser, linkAccount, createSession, getSessionAndUser', async () => {
      const user = await ours.createUser(userInput())
      const account = accountInput(user.id)
      await ours.linkAccount(account)
      const session = sessionInput(user.id)
      await ours.createSession(session)

      expect(await ours.getSessionAndUser(session.sessionToken)).toStrictEqual({ session, user })
      expect(await ours.getUserByAccount(account)).toStrictEqual(user)
      // The same items through the v3 client, with ours and with upstream: one table format.
      expect(await oursOnV3.getSessionAndUser(session.sessionToken)).toStrictEqual({
        session,
        user,
      })
      expect(await upstream.getSessionAndUser(session.sessionToken)).toStrictEqual({
        session,
        user,
      })
    })

    it('skips undefined fields and stores null, with the v2 client defaults', async () => {
      const user = await ours.createUser(userInput({ name: null, image: undefined }))

      expect(await ours.getUser(user.id)).toStrictEqual({
        id: user.id,
        email: user.email,
        emailVerified: user.emailVerified,
        name: null,
      })
      expect(await ours.updateUser({ id: user.id, image: undefined, name: 'Ada' })).toStrictEqual({
        ...user,
        name: 'Ada',
      })
    })
  })
})
