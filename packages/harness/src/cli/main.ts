// The emulator's own module, not the package index: a start loads only what serving needs.
import { startEmulator } from '../emulator/emulator.js'
import { isLoopbackName } from '../http/request-guard.js'
import { CliError } from './cli-error.js'
import { failureMessage } from './failure-message.js'
import { packageVersion } from './package-version.js'
import { CLI_NAME, parseCli } from './parse-cli.js'
import {
  clockMovedText,
  exposureWarning,
  inspectorUrl,
  type ReadyInfo,
  readyJson,
  readyText,
} from './ready-output.js'
import type { CliSettings } from './settings.js'
import { toEmulatorOptions } from './to-emulator-options.js'

/** Exit code for a wrong flag or value, as most CLIs use for usage errors. */
const EXIT_USAGE = 2
const EXIT_FAILURE = 1
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const

function fail(message: string, exitCode: number): void {
  process.stderr.write(`${CLI_NAME}: ${message}\n`)
  process.exitCode = exitCode
}

/** Exits even if a library left a handle open; unref'd so that a clean exit is not delayed. */
function exitSoon(): void {
  setTimeout(() => process.exit(), 2000).unref()
}

/** Resolves with the first stop signal; a second one while stopping forces the exit. */
function nextStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received = false
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) process.exit(EXIT_FAILURE)
      received = true
      resolve(signal)
    }
    for (const signal of STOP_SIGNALS) process.on(signal, onSignal)
  })
}

async function serve(settings: CliSettings, json: boolean): Promise<void> {
  // Listen before starting, so a signal that arrives during start-up still stops cleanly.
  const stopSignal = nextStopSignal()
  let emulator: Awaited<ReturnType<typeof startEmulator>>
  try {
    emulator = await startEmulator(toEmulatorOptions(settings))
  } catch (error) {
    fail(failureMessage(error, settings), EXIT_FAILURE)
    return exitSoon()
  }
  const info: ReadyInfo = {
    endpoint: emulator.endpoint,
    region: emulator.region,
    credentials: emulator.credentials,
    tables: [...emulator.tables],
    adminUrl: emulator.adminUrl,
    inspectorUrl: inspectorUrl(emulator.adminUrl, emulator.adminToken),
    port: emulator.port,
    persist: settings.persist,
    clock: settings.clock,
    ttlMode: settings.ttlMode,
    host: emulator.host,
    adminToken: emulator.adminToken,
  }
  process.stdout.write(json ? `${readyJson(info)}\n` : readyText(info, packageVersion()))
  if (!isLoopbackName(emulator.host)) process.stderr.write(exposureWarning(info))
  // In --json mode stdout holds the one ready line only; notices go to stderr.
  const notices = json ? process.stderr : process.stdout
  emulator.clock.onChange((now) => {
    notices.write(clockMovedText(now, emulator.clock.offsetMs(), emulator.adminUrl))
  })

  await stopSignal
  try {
    await emulator.stop()
  } catch (error) {
    fail(`could not stop cleanly: ${failureMessage(error, settings)}`, EXIT_FAILURE)
    return exitSoon()
  }
  if (!json) process.stdout.write('Stopped.\n')
  process.exitCode = 0
  exitSoon()
}

async function main(): Promise<void> {
  let invocation: ReturnType<typeof parseCli>
  try {
    invocation = parseCli(process.argv.slice(2), process.env)
  } catch (error) {
    if (!(error instanceof CliError)) throw error
    return fail(error.message, EXIT_USAGE)
  }
  switch (invocation.command) {
    case 'help': {
      const { helpText } = await import('./help-text.js')
      process.stdout.write(helpText(packageVersion()))
      return
    }
    case 'version':
      process.stdout.write(`${packageVersion()}\n`)
      return
    case 'start':
      return serve(invocation.settings, invocation.json)
  }
}

await main()
