import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { createDocumentClient, DynamoDBAdapter } from '@auth-dynamo/adapter'
import { startEmulator } from '@auth-dynamo/harness'
import { createInbox } from 'example-support/dev-inbox'
import { createApp } from './app.js'
import { AppError } from './app-error.js'
import { startApp } from './start-app.js'

const usage = `Usage: pnpm --filter express-app dev [--port 3000] [--emulator-port 0]

Starts the DynamoDB emulator (with the Auth.js table) and the example app in one process.
  --port PORT            the app's port (default: $PORT, else 3000; 0 picks a free one)
  --emulator-port PORT   the emulator's port (default: 0, a free one)
  -h, --help             this text`

function port(value: string, flag: string): number {
  const parsed = Number(value)
  if (value === '' || !Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `${flag} must be a port from 0 to 65535, got "${value}".`,
    )
  }
  return parsed
}

function readArgs(argv: string[]): { port: number; emulatorPort: number } | 'help' {
  // `pnpm dev -- --port 0` passes the `--` on; parseArgs would read what follows as positional.
  const args = argv[0] === '--' ? argv.slice(1) : argv
  let values: { port: string; 'emulator-port': string; help: boolean }
  try {
    ;({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string', default: process.env.PORT ?? '3000' },
        'emulator-port': { type: 'string', default: '0' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }))
  } catch (error) {
    throw new AppError('INVALID_ARGUMENT', (error as Error).message, { cause: error })
  }
  if (values.help) return 'help'
  return {
    port: port(values.port, '--port'),
    emulatorPort: port(values['emulator-port'], '--emulator-port'),
  }
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2))
  if (args === 'help') {
    console.log(usage)
    return
  }

  const emulator = await startEmulator({ port: args.emulatorPort })
  // The app reads its DynamoDB settings from the environment, as it would in production.
  process.env.AUTH_DYNAMODB_ENDPOINT = emulator.endpoint
  process.env.AUTH_DYNAMODB_REGION = emulator.region
  process.env.AUTH_DYNAMODB_ID = emulator.credentials.accessKeyId
  process.env.AUTH_DYNAMODB_SECRET = emulator.credentials.secretAccessKey
  if (!process.env.AUTH_SECRET) {
    // A throwaway secret suits an in-memory emulator that forgets every session on exit anyway.
    process.env.AUTH_SECRET = randomBytes(32).toString('base64url')
  }

  const inbox = createInbox()
  const adapter = DynamoDBAdapter(createDocumentClient())
  const app = await startApp(createApp({ adapter, inbox, exposeInbox: true }), {
    port: args.port,
  }).catch(async (error: unknown) => {
    await emulator.stop()
    throw error
  })

  console.log(`DynamoDB emulator: ${emulator.endpoint} (table ${emulator.tables.join(', ')})`)
  console.log(`App:               ${app.url}`)
  console.log(`Dev inbox:         ${app.url}/dev/inbox`)
  console.log('Press Ctrl+C to stop.')

  let stopping = false
  const shutdown = async () => {
    if (stopping) return
    stopping = true
    await app.close()
    await emulator.stop()
    process.exit(0)
  }
  // `on`, not `once`: a Ctrl+C arrives twice under pnpm (from the terminal, and passed on by
  // pnpm), and a signal without a handler would end the process before the emulator stopped.
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((error: unknown) => {
  if (error instanceof AppError) {
    console.error(`${error.message}\n\n${usage}`)
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`The port is taken: ${(error as Error).message}. Pick another with --port.`)
  } else {
    console.error(error)
  }
  process.exit(1)
})
