import type { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DynamoDBAdapter, type DynamoDBAdapterInstance } from '../../src/index.js'
import { describeOnBackends } from '../support/test-backend.js'
import { scanAll } from './document-client.js'
import { accountInput, sessionInput, userInput } from './fixtures.js'
import { customKeyNames, type UpstreamAdapter, upstreams } from './upstream-adapters.js'

/** The uniqueness claims in a table: the items only ours writes and reads. */
async function claimsIn(document: DynamoDBDocument, tableName: string) {
  return (await scanAll(document, tableName)).filter((item) =>
    String(item.type).startsWith('UNIQUE_'),
  )
}

describeOnBackends((backend) => {
  let document: DynamoDBDocument
  beforeAll(() => {
    document = backend.client
  })

  describe.each(upstreams)('the uniqueness claims ours writes, next to $name', (upstream) => {
    let tableName: string
    let theirs: UpstreamAdapter
    let ours: DynamoDBAdapterInstance

    beforeEach(async () => {
      ;({ tableName } = await backend.createAuthjsTable())
      theirs = upstream.create(document, { tableName })
      ours = DynamoDBAdapter(document, { tableName })
    })

    it('are one item per email and per provider account, outside every partition and index upstream reads', async () => {
      const user = await ours.createUser(userInput())
      const account = accountInput(user.id)
      await ours.linkAccount(account)
      await ours.createSession(sessionInput(user.id))

      const claims = await claimsIn(document, tableName)

      expect(claims).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ type: 'UNIQUE_ACCOUNT', userId: user.id }),
          expect.objectContaining({ type: 'UNIQUE_EMAIL', userId: user.id, email: user.email }),
        ]),
      )
      expect(claims).toHaveLength(2)
      for (const claim of claims) {
        expect(String(claim.pk)).toMatch(/^UNIQUE#/)
        expect(claim).not.toHaveProperty('GSI1PK')
        expect(claim).not.toHaveProperty('GSI1SK')
      }
      // Upstream's reads find the user and the account, never a claim.
      expect(await theirs.getUserByEmail(user.email)).toStrictEqual(user)
      expect(await theirs.getUserByAccount(account)).toStrictEqual(user)
      expect(await theirs.getUser(user.id)).toStrictEqual(user)
    })

    it('left behind by upstream deleteUser, do not stop the same person signing up again through ours', async () => {
      const user = await ours.createUser(userInput())
      const account = accountInput(user.id)
      await ours.linkAccount(account)

      await theirs.deleteUser(user.id)
      expect(await claimsIn(document, tableName)).toHaveLength(2)

      const again = await ours.createUser(userInput({ email: user.email }))
      await ours.linkAccount({ ...account, userId: again.id })

      expect(await ours.getUserByEmail(user.email)).toStrictEqual(again)
      expect(await ours.getUserByAccount(account)).toStrictEqual(again)
      const claims = await claimsIn(document, tableName)
      expect(claims.map((claim) => claim.userId)).toEqual([again.id, again.id])
    })

    it('left behind by upstream unlinkAccount, do not stop another user linking the account', async () => {
      const first = await ours.createUser(userInput())
      const second = await ours.createUser(userInput())
      const account = accountInput(first.id)
      await ours.linkAccount(account)

      await theirs.unlinkAccount(account)
      await ours.linkAccount({ ...account, userId: second.id })

      expect(await ours.getUserByAccount(account)).toStrictEqual(second)
    })

    it('are not needed for a table upstream wrote: its user signs in, links, changes email and is deleted through ours', async () => {
      const user = await theirs.createUser(userInput())
      const old = accountInput(user.id)
      await theirs.linkAccount(old)
      await theirs.createSession(sessionInput(user.id))
      expect(await claimsIn(document, tableName)).toEqual([])

      // Sign-in through ours finds the user by the account upstream linked.
      expect(await ours.getUserByAccount(old)).toStrictEqual(user)
      const added = accountInput(user.id, 'google')
      await ours.linkAccount(added)
      const email = `moved-${user.email}`
      expect(await ours.updateUser({ id: user.id, email })).toStrictEqual({ ...user, email })
      expect(await theirs.getUserByEmail(email)).toStrictEqual({ ...user, email })
      // Ours claimed the new email and the account it linked; the old ones were never claimed.
      expect((await claimsIn(document, tableName)).map((claim) => claim.type).sort()).toEqual([
        'UNIQUE_ACCOUNT',
        'UNIQUE_EMAIL',
      ])

      await ours.deleteUser(user.id)

      expect(await scanAll(document, tableName)).toEqual([])
    })
  })

  it('use the custom key names, and upstream with the same names does not see them', async () => {
    const { tableName } = await backend.createAuthjsTable(customKeyNames)
    const ours = DynamoDBAdapter(document, { tableName, ...customKeyNames })
    const theirs = upstreams[0]?.create(document, { tableName, ...customKeyNames })
    const user = await ours.createUser(userInput())
    const account = accountInput(user.id)
    await ours.linkAccount(account)

    const claims = await claimsIn(document, tableName)

    expect(claims).toHaveLength(2)
    for (const claim of claims) {
      expect(Object.keys(claim)).toEqual(expect.arrayContaining(['customPK', 'customSK']))
      expect(claim).not.toHaveProperty('pk')
    }
    expect(await theirs?.getUserByAccount(account)).toMatchObject(user)
    await ours.deleteUser(user.id)
    expect(await scanAll(document, tableName)).toEqual([])
  })
})
