// `pnpm --filter nextjs-app dev`: starts the DynamoDB emulator (with the Auth.js table) in this
// process and `next dev` beside it, configured through the same AUTH_DYNAMODB_* variables as
// production. Ctrl+C (or SIGTERM) stops both.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const usage = `Usage: pnpm --filter nextjs-app dev [--port 3000] [--emulator-port 0]

Starts the DynamoDB emulator (with the Auth.js table) and \`next dev\`.
  --port PORT            the app's port (default: $PORT, else 3000; 0 picks a free one)
  --emulator-port PORT   the emulator's port (default: 0, a free one)
  -h, --help             this text`

function port(value, flag) {
  const parsed = Number(value)
  if (value === '' || !Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new Error(`${flag} must be a port from 0 to 65535, got "${value}".`)
  }
  return parsed
}

function readArgs(argv) {
  // `pnpm dev -- --port 0` passes the `--` on; parseArgs would read what follows as positional.
  const args = argv[0] === '--' ? argv.slice(1) : argv
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: process.env.PORT ?? '3000' },
      'emulator-port': { type: 'string', default: '0' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) return 'help'
  return {
    port: port(values.port, '--port'),
    emulatorPort: port(values['emulator-port'], '--emulator-port'),
  }
}

let args
try {
  args = readArgs(process.argv.slice(2))
} catch (error) {
  console.error(`${error.message}\n\n${usage}`)
  process.exit(2)
}
if (args === 'help') {
  console.log(usage)
  process.exit(0)
}

// The emulator reaches dynalite through the AWS SDK; its Node-version notice is about that
// internal client, not the app, and would bury the URLs below.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
const { startEmulator } = await import('@auth-dynamo/harness')
const emulator = await startEmulator({ port: args.emulatorPort })
console.log(`DynamoDB emulator: ${emulator.endpoint} (table ${emulator.tables.join(', ')})`)

const appDir = fileURLToPath(new URL('..', import.meta.url))
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')
const next = spawn(process.execPath, [nextBin, 'dev', '--port', String(args.port)], {
  cwd: appDir,
  stdio: 'inherit',
  env: {
    ...process.env,
    AUTH_DYNAMODB_ENDPOINT: emulator.endpoint,
    AUTH_DYNAMODB_REGION: emulator.region,
    AUTH_DYNAMODB_ID: emulator.credentials.accessKeyId,
    AUTH_DYNAMODB_SECRET: emulator.credentials.secretAccessKey,
    // A throwaway secret suits an in-memory emulator that forgets every session on exit anyway.
    AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString('base64url'),
  },
})

let stopping = false
async function stop(exitCode) {
  if (stopping) return
  stopping = true
  if (next.exitCode === null && next.signalCode === null) {
    next.kill('SIGTERM')
    await new Promise((resolve) => next.once('exit', resolve))
  }
  await emulator.stop()
  process.exit(exitCode)
}
// `on`, not `once`: a Ctrl+C arrives twice under pnpm (from the terminal, and passed on by pnpm),
// and a signal without a handler would end this process before it has stopped the emulator.
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))
// `next dev` ending on its own (a taken port...) ends the emulator too, with its exit code; ended
// by the Ctrl+C that reached us both, it is a clean stop.
next.once('exit', (code, signal) =>
  stop(signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : (code ?? 1)),
)
