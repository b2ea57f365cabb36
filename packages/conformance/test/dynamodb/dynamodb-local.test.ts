import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { describe, expect, test } from 'vitest'
import { startDynamoDBLocal } from '../../src/dynamodb/index.js'
import { skipWithoutJava } from './support/java.js'

const javaProcessesOnPort = (port: number) =>
  execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((args) => args.includes('DynamoDBLocal.jar') && args.includes(`-port ${port}`))

async function listTables(
  endpoint: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
) {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 })
  try {
    return await client.send(new ListTablesCommand({}))
  } finally {
    client.destroy()
  }
}

describe(`startDynamoDBLocal${skipWithoutJava ? ` (some tests ${skipWithoutJava})` : ''}`, () => {
  test.skipIf(skipWithoutJava !== undefined)(
    'starts DynamoDB Local in memory on a free port, and stop() ends the process',
    async () => {
      const local = await startDynamoDBLocal()
      expect(local.endpoint).toBe(`http://127.0.0.1:${local.port}`)
      expect((await listTables(local.endpoint, local.credentials)).TableNames).toEqual([])
      expect(javaProcessesOnPort(local.port)).toHaveLength(1)
      await local.stop()
      await local.stop()
      expect(javaProcessesOnPort(local.port), 'a DynamoDB Local process after stop()').toEqual([])
      await expect(listTables(local.endpoint, local.credentials)).rejects.toThrow(/ECONNREFUSED/)
    },
    120_000,
  )

  test.skipIf(skipWithoutJava !== undefined)(
    'stops when disposed with await using',
    async () => {
      let port = 0
      {
        await using local = await startDynamoDBLocal()
        port = local.port
        expect(javaProcessesOnPort(port)).toHaveLength(1)
      }
      expect(javaProcessesOnPort(port)).toEqual([])
    },
    120_000,
  )

  test('rejects with DYNAMODB_LOCAL_JAVA_MISSING, naming the fix, when there is no java', async () => {
    const path = process.env.PATH
    process.env.PATH = mkdtempSync(join(tmpdir(), 'no-java-'))
    try {
      await expect(startDynamoDBLocal()).rejects.toThrow(
        expect.objectContaining({
          code: 'DYNAMODB_LOCAL_JAVA_MISSING',
          message: expect.stringContaining('apt-get install -y openjdk-17-jre-headless'),
        }),
      )
    } finally {
      process.env.PATH = path
    }
  })

  test.skipIf(skipWithoutJava !== undefined)(
    'rejects with DYNAMODB_LOCAL_EXITED and its output when the port is taken',
    async () => {
      const server = createServer()
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const { port } = server.address() as { port: number }
      try {
        await expect(startDynamoDBLocal({ port })).rejects.toThrow(
          expect.objectContaining({
            code: 'DYNAMODB_LOCAL_EXITED',
            message: expect.stringContaining(`Failed to bind to 0.0.0.0/0.0.0.0:${port}`),
          }),
        )
      } finally {
        server.close()
      }
      expect(javaProcessesOnPort(port)).toEqual([])
    },
    120_000,
  )

  test.skipIf(skipWithoutJava !== undefined)(
    'rejects with DYNAMODB_LOCAL_START_TIMEOUT after the wait, and leaves no process behind',
    async () => {
      const error = await startDynamoDBLocal({ startTimeoutMs: 1 }).catch(
        (caught: unknown) => caught,
      )
      expect(error).toMatchObject({
        code: 'DYNAMODB_LOCAL_START_TIMEOUT',
        message: expect.stringContaining('within 1 ms'),
      })
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(String((error as Error).message))?.[1])
      expect(javaProcessesOnPort(port)).toEqual([])
    },
    120_000,
  )

  test('rejects bad options with DYNAMODB_INVALID_OPTIONS before starting anything', async () => {
    await expect(startDynamoDBLocal({ startTimeoutMs: 0 })).rejects.toThrow(
      expect.objectContaining({
        code: 'DYNAMODB_INVALID_OPTIONS',
        message: expect.stringContaining('startTimeoutMs'),
      }),
    )
    await expect(startDynamoDBLocal({ port: 70_000 })).rejects.toThrow(
      expect.objectContaining({
        code: 'DYNAMODB_INVALID_OPTIONS',
        message: expect.stringContaining('port'),
      }),
    )
  })
})
