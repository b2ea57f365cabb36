import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { consumerProject, outputOf, packAdapter } from '../support/consumer-project.js'
import { describeOnBackends } from '../support/test-backend.js'

// The oldest @aws-sdk/client-dynamodb and @aws-sdk/lib-dynamodb the package.json admits, installed
// from npm next to the packed adapter, must load it and run it: paginateQuery (lib-dynamodb 3.43),
// TransactWriteCommand, and the request handler given as options (client 3.521) all exist there.

const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'))
const floorOf = (name: string) => String(manifest.peerDependencies[name]).replace(/^\^/, '')
const floors = {
  '@aws-sdk/client-dynamodb': floorOf('@aws-sdk/client-dynamodb'),
  '@aws-sdk/lib-dynamodb': floorOf('@aws-sdk/lib-dynamodb'),
}

// What an app does with the adapter, from table to deleteUser: run with `node smoke.mjs <endpoint>
// <region> <accessKeyId> <secretAccessKey> <tableName>`, prints the versions it ran on.
const smoke = `
const [, , endpoint, region, accessKeyId, secretAccessKey, tableName] = process.argv
const { DynamoDBAdapter, createDocumentClient } = await import('@auth-dynamo/adapter')
const client = createDocumentClient({ endpoint, region, credentials: { accessKeyId, secretAccessKey } })
const adapter = DynamoDBAdapter(client, { tableName })
const user = await adapter.createUser({ id: crypto.randomUUID(), email: crypto.randomUUID() + '@example.com', emailVerified: null })
await adapter.linkAccount({ userId: user.id, type: 'oauth', provider: 'github', providerAccountId: crypto.randomUUID() })
await adapter.createSession({ sessionToken: user.id, userId: user.id, expires: new Date(Date.now() + 60_000) })
const found = await adapter.getSessionAndUser(user.id)
await adapter.createVerificationToken({ identifier: user.email, token: user.id, expires: new Date(Date.now() + 60_000) })
const used = await adapter.useVerificationToken({ identifier: user.email, token: user.id })
const moved = await adapter.updateUser({ id: user.id, email: 'moved-' + user.email })
const deleted = await adapter.deleteUser(user.id)
const version = async (name) => (await import(name + '/package.json', { with: { type: 'json' } })).default.version
console.log(JSON.stringify({
  found: found?.user.id === user.id,
  used: used?.token === user.id,
  moved: moved.email === 'moved-' + user.email,
  deleted: deleted?.id === user.id,
  client: await version('@aws-sdk/client-dynamodb'),
  lib: await version('@aws-sdk/lib-dynamodb'),
}))
`

let project: Awaited<ReturnType<typeof consumerProject>>
let packed: Awaited<ReturnType<typeof packAdapter>>

beforeAll(async () => {
  packed = await packAdapter()
  project = await consumerProject({ type: 'module' })
  await project.install([
    packed.tarball,
    `@aws-sdk/client-dynamodb@${floors['@aws-sdk/client-dynamodb']}`,
    `@aws-sdk/lib-dynamodb@${floors['@aws-sdk/lib-dynamodb']}`,
  ])
  await project.write('smoke.mjs', smoke)
}, 300_000)

afterAll(async () => {
  await project?.cleanup()
  await packed?.cleanup()
})

describeOnBackends((backend) => {
  it(`the declared floor (${floors['@aws-sdk/client-dynamodb']}) loads the adapter and runs it`, async () => {
    const { tableName } = await backend.createAuthjsTable()

    const { stdout } = await project
      .run('node', [
        'smoke.mjs',
        backend.endpoint,
        backend.region,
        backend.credentials.accessKeyId,
        backend.credentials.secretAccessKey,
        tableName,
      ])
      .catch((error: unknown) => {
        throw new Error(outputOf(error))
      })

    expect(JSON.parse(stdout.trim().split('\n').pop() ?? '{}')).toEqual({
      found: true,
      used: true,
      moved: true,
      deleted: true,
      client: floors['@aws-sdk/client-dynamodb'],
      lib: floors['@aws-sdk/lib-dynamodb'],
    })
  }, 120_000)
})
