import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consumerProject, outputOf, packAdapter, tscPath } from '../support/consumer-project.js'

// The packed adapter installed from its tarball into fresh npm projects, as apps install it, and
// type-checked by the TypeScript those apps use. A `@ts-expect-error` in each file proves the
// types are real: with `any` (what a missing @auth/core used to give) it would be unused, and tsc
// would fail on it.

const require = createRequire(import.meta.url)
const versionOf = (name: string) => (require(`${name}/package.json`) as { version: string }).version
const sdk = [
  `@aws-sdk/client-dynamodb@${versionOf('@aws-sdk/client-dynamodb')}`,
  `@aws-sdk/lib-dynamodb@${versionOf('@aws-sdk/lib-dynamodb')}`,
]

let packed: Awaited<ReturnType<typeof packAdapter>>
beforeAll(async () => {
  packed = await packAdapter()
}, 120_000)
afterAll(() => packed?.cleanup())

async function typeCheck(project: Awaited<ReturnType<typeof consumerProject>>) {
  return project.run('node', [tscPath, '-p', 'tsconfig.json']).then(
    () => [],
    (error: unknown) =>
      outputOf(error)
        .split('\n')
        .filter((line) => line.includes('error TS')),
  )
}

describe('a next-auth v4 app, with next-auth 4.24 and no @auth/core', () => {
  let project: Awaited<ReturnType<typeof consumerProject>>
  beforeAll(async () => {
    project = await consumerProject({ type: 'module' })
    // Peers of next-auth (next, react) are left out: types only, and no 100 MB download.
    await project.install([packed.tarball, 'next-auth@4.24.15', ...sdk], ['--legacy-peer-deps'])
  }, 300_000)
  afterAll(() => project?.cleanup())

  it('has no @auth/core installed', async () => {
    const resolved = await project
      .run('node', ['-e', "console.log(require.resolve('@auth/core'))"])
      .then(({ stdout }) => stdout.trim(), outputOf)
    expect(resolved).toContain('Cannot find module')
  })

  it("type-checks against next-auth's own Adapter type, and the adapter's types are not any", async () => {
    await project.write(
      'tsconfig.json',
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          skipLibCheck: true,
          noEmit: true,
        },
        files: ['auth.ts'],
      }),
    )
    await project.write(
      'auth.ts',
      `
import type { NextAuthOptions } from 'next-auth'
import type { Adapter } from 'next-auth/adapters'
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { DynamoDBAdapter, type AdapterUser } from '@auth-dynamo/adapter'

declare const client: DynamoDBDocument
export const adapter: Adapter = DynamoDBAdapter(client)
export const options: NextAuthOptions = { providers: [], adapter: DynamoDBAdapter(client, { tableName: 'next-auth' }) }
export async function lookUp(email: string): Promise<AdapterUser | null> {
  return DynamoDBAdapter(client).getUserByEmail(email)
}
// @ts-expect-error getUser takes the id as a string
DynamoDBAdapter(client).getUser(42)
// @ts-expect-error an AdapterUser has no such field
export const field = (user: AdapterUser) => user.notAField
`,
    )

    expect(await typeCheck(project)).toEqual([])
  }, 180_000)

  it('installs @auth/core next to next-auth 4.24 without an ERESOLVE (peer ranges agree)', async () => {
    // Resolution only, peers included as npm resolves them by default.
    const result = await project
      .install(['@auth/core@0.34.3'], ['--package-lock-only'])
      .then(() => 'resolved', outputOf)
    expect(result).toBe('resolved')
  }, 300_000)
})

describe('a project still on TypeScript\'s "node10" module resolution', () => {
  let project: Awaited<ReturnType<typeof consumerProject>>
  beforeAll(async () => {
    project = await consumerProject()
    await project.install([packed.tarball, '@auth/core@0.41.3', ...sdk])
  }, 300_000)
  afterAll(() => project?.cleanup())

  it('finds the types, and code written for @auth/dynamodb-adapter compiles after the import line changes', async () => {
    await project.write(
      'tsconfig.json',
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'commonjs',
          moduleResolution: 'node10',
          esModuleInterop: true,
          skipLibCheck: true,
          noEmit: true,
        },
        files: ['table.ts'],
      }),
    )
    // Code that uses upstream's helpers to read and write the table next to the adapter.
    await project.write(
      'table.ts',
      `
import type { Adapter, AdapterSession } from '@auth/core/adapters'
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { DynamoDBAdapter, format, generateUpdateExpression } from '@auth-dynamo/adapter'

declare const client: DynamoDBDocument
export const adapter: Adapter = DynamoDBAdapter(client)

export async function extend(sessionToken: string, expires: Date) {
  const { UpdateExpression, ExpressionAttributeNames, ExpressionAttributeValues } =
    generateUpdateExpression({ expires })
  const { Items } = await client.query({ TableName: 'next-auth', IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :k', ExpressionAttributeValues: { ':k': 'SESSION#' + sessionToken } })
  const session = format.from<AdapterSession>(Items?.[0])
  if (!session) return null
  await client.update({ TableName: 'next-auth', Key: { pk: 'USER#' + session.userId, sk: 'SESSION#' + sessionToken }, UpdateExpression, ExpressionAttributeNames, ExpressionAttributeValues })
  return format.to({ ...session, expires })
}
// @ts-expect-error format.to takes an object
format.to(42)
`,
    )

    expect(await typeCheck(project)).toEqual([])
  }, 180_000)
})
