import { randomBytes } from 'node:crypto'
import { createDocumentClient, DynamoDBAdapter } from '@auth-dynamo/adapter'
import { type Emulator, startEmulator } from '@auth-dynamo/harness'
import { createInbox, type Inbox } from 'example-support/dev-inbox'
import { createApp } from '../../src/app.js'
import { type RunningApp, startApp } from '../../src/start-app.js'

/** The sort key prefix of each kind of Auth.js item (the adapter's table layout). */
const sortKeyPrefixes = {
  user: 'USER#',
  account: 'ACCOUNT#',
  session: 'SESSION#',
  verificationToken: 'VT#',
  authenticator: 'AUTHENTICATOR#',
} as const

/** A kind of item in the Auth.js table. */
export type ItemKind = keyof typeof sortKeyPrefixes

/** The access key the app signs with, so the emulator can count the app's requests apart. */
export const appAccessKeyId = 'express-app'

/** An emulator and the app on it, for one test file. */
export interface Stack {
  readonly emulator: Emulator
  readonly app: RunningApp
  readonly inbox: Inbox
  /** The Auth.js table's name. */
  readonly tableName: string
  /** Everything Auth.js logged as an error since the last {@link Stack.clearAuthErrors}. */
  readonly authErrors: readonly unknown[]
  /** Empties {@link Stack.authErrors}; call it before each test. */
  clearAuthErrors(): void
  /** Every item of one kind in the Auth.js table, storage attributes included, read over HTTP. */
  items(kind: ItemKind): Promise<Array<Record<string, unknown>>>
  close(): Promise<void>
}

/**
 * Starts an emulator on a manual clock (nothing expires unless a test moves it and sweeps) and
 * the app on it, both on free ports. The app reaches DynamoDB through `createDocumentClient`,
 * configured by the same `AUTH_DYNAMODB_*` variables as in production.
 */
export async function startStack(): Promise<Stack> {
  const emulator = await startEmulator({ clock: 'manual', ttl: { mode: 'manual' } })
  try {
    const [tableName] = emulator.tables
    if (tableName === undefined) throw new Error('the emulator seeded no Auth.js table')
    const client = createDocumentClient({
      env: {
        AUTH_DYNAMODB_ENDPOINT: emulator.endpoint,
        AUTH_DYNAMODB_REGION: emulator.region,
        AUTH_DYNAMODB_ID: appAccessKeyId,
        AUTH_DYNAMODB_SECRET: emulator.credentials.secretAccessKey,
      },
    })
    const authErrors: unknown[] = []
    const inbox = createInbox()
    const app = await startApp(
      createApp({
        adapter: DynamoDBAdapter(client, { tableName }),
        inbox,
        exposeInbox: true,
        secret: randomBytes(32).toString('base64url'),
        trustHost: true,
        logger: {
          error(error) {
            authErrors.push(error)
          },
          warn() {},
          debug() {},
        },
      }),
    )
    return {
      emulator,
      app,
      inbox,
      tableName,
      authErrors,
      clearAuthErrors() {
        authErrors.length = 0
      },
      async items(kind) {
        const { items } = await emulator.items(tableName)
        return items.filter(
          (item) => typeof item.sk === 'string' && item.sk.startsWith(sortKeyPrefixes[kind]),
        )
      },
      async close() {
        await app.close()
        await emulator.stop()
      },
    }
  } catch (error) {
    await emulator.stop()
    throw error
  }
}
