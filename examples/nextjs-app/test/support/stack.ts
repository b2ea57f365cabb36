import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { stripVTControlCharacters } from 'node:util'
import { createDocumentClient } from '@auth-dynamo/adapter'
import { type Emulator, startEmulator } from '@auth-dynamo/harness'
import { paginateScan } from '@aws-sdk/lib-dynamodb'
import { type NextServer, startNextServer } from './next-server.js'

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
export const appAccessKeyId = 'nextjs-app'

/** The table Auth.js's DynamoDB adapter uses by default, as the app does. */
export const tableName = 'next-auth'

/** An emulator and the built app on it, for one test file. */
export interface Stack {
  readonly emulator: Emulator
  readonly app: NextServer
  /**
   * What Auth.js logged as errors on the server since the last {@link Stack.clearServerLog}: each
   * `[auth][error]` line with the `[auth][cause]` and `[auth][details]` lines that follow it.
   */
  authErrors(): string[]
  /** Starts {@link Stack.authErrors} afresh; call it before each test. */
  clearServerLog(): void
  /** Every item of one kind in the Auth.js table, storage attributes included. */
  items(kind: ItemKind): Promise<Array<Record<string, unknown>>>
  close(): Promise<void>
}

/** How {@link startStack} sets DynamoDB up. */
export interface StackOptions {
  /**
   * `'ready'`: the Auth.js table exists; `'no-table'`: the emulator runs without it;
   * `'down'`: AUTH_DYNAMODB_ENDPOINT points at a port where nothing listens.
   * @defaultValue 'ready'
   */
  dynamodb?: 'ready' | 'no-table' | 'down'
}

async function closedPortUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return `http://127.0.0.1:${address.port}`
}

/**
 * Starts an emulator on a manual clock (nothing expires unless a test moves it and sweeps) and
 * `next start` on it, configured by the same AUTH_DYNAMODB_* variables as in production.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dynamodb = options.dynamodb ?? 'ready'
  const emulator = await startEmulator({
    clock: 'manual',
    ttl: { mode: 'manual' },
    ...(dynamodb === 'no-table' ? { tables: [] } : {}),
  })
  try {
    const env = {
      AUTH_DYNAMODB_ENDPOINT: dynamodb === 'down' ? await closedPortUrl() : emulator.endpoint,
      AUTH_DYNAMODB_REGION: emulator.region,
      AUTH_DYNAMODB_ID: appAccessKeyId,
      AUTH_DYNAMODB_SECRET: emulator.credentials.secretAccessKey,
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      AUTH_TRUST_HOST: 'true',
      DEV_INBOX: 'on',
    }
    const app = await startNextServer(env)
    const client = createDocumentClient({
      endpoint: emulator.endpoint,
      region: emulator.region,
      credentials: emulator.credentials,
    })
    let logStart = 0
    return {
      emulator,
      app,
      authErrors() {
        // Auth.js's default logger: "[auth][error] AdapterError: Read more at ...", then the
        // cause, with the tags in color.
        return stripVTControlCharacters(app.output().slice(logStart))
          .split(/^(?=\[auth\]\[(?:error|warn|debug)\])/m)
          .filter((entry) => entry.startsWith('[auth][error]'))
      },
      clearServerLog() {
        logStart = app.output().length
      },
      async items(kind) {
        const items: Array<Record<string, unknown>> = []
        for await (const page of paginateScan({ client }, { TableName: tableName })) {
          items.push(...(page.Items ?? []))
        }
        const prefix = sortKeyPrefixes[kind]
        return items.filter((item) => typeof item.sk === 'string' && item.sk.startsWith(prefix))
      },
      async close() {
        await app.close()
        client.destroy()
        await emulator.stop()
      },
    }
  } catch (error) {
    await emulator.stop()
    throw error
  }
}
