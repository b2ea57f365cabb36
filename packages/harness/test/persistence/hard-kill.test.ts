import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  PutItemCommand,
  paginateScan,
} from '@aws-sdk/client-dynamodb'
import { afterEach, describe, expect, test } from 'vitest'
import {
  type CliProcess,
  exitCode,
  killRunningClis,
  type ReadyLine,
  startCli,
  startCliJson,
} from '../cli/cli-process.js'

// Kills per scenario: a CI-sized default; KILL_RUNS=20 gives 60 in all (20 per scenario).
const killsPerScenario = Number(process.env.KILL_RUNS ?? 3)

const directories: string[] = []
afterEach(async () => {
  await killRunningClis()
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function directory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'auth-dynamo-kill-'))
  directories.push(dir)
  return dir
}

function client(ready: ReadyLine): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: ready.endpoint,
    region: ready.region,
    credentials: ready.credentials,
    maxAttempts: 1,
  })
}

async function hardKill(cli: CliProcess): Promise<void> {
  cli.child.kill('SIGKILL')
  await cli.exited
}

async function stop(cli: CliProcess): Promise<void> {
  cli.child.kill('SIGTERM')
  expect(await exitCode(cli)).toBe(0)
}

/** Every table of a restarted emulator is ACTIVE and takes writes; returns their names. */
async function expectUsableTables(ready: ReadyLine): Promise<string[]> {
  const dynamo = client(ready)
  const { TableNames = [] } = await dynamo.send(new ListTablesCommand({}))
  for (const TableName of TableNames) {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName }))
    expect({ TableName, status: Table?.TableStatus }).toEqual({ TableName, status: 'ACTIVE' })
    const key = Object.fromEntries(
      (Table?.KeySchema ?? []).map(({ AttributeName }) => [
        AttributeName as string,
        { S: 'probe' },
      ]),
    )
    await dynamo.send(new PutItemCommand({ TableName, Item: key }))
  }
  return TableNames
}

async function ttlOf(ready: ReadyLine, TableName: string): Promise<string | undefined> {
  const { TimeToLiveDescription } = await client(ready).send(
    new DescribeTimeToLiveCommand({ TableName }),
  )
  return TimeToLiveDescription?.TimeToLiveStatus === 'ENABLED'
    ? TimeToLiveDescription.AttributeName
    : undefined
}

/** How long a first start with --persist takes here, to aim the kills inside it. */
async function measureStart(): Promise<number> {
  const started = performance.now()
  const { cli } = await startCliJson(['--port', '0', '--persist', directory()])
  const elapsed = performance.now() - started
  await stop(cli)
  return elapsed
}

describe('kill -9 at any moment: a restart has every table ACTIVE, its TTL, and every acknowledged write', () => {
  test(
    `${killsPerScenario} kills during a first start with --persist (the seed table being created)`,
    async () => {
      const window = await measureStart()
      for (let kill = 0; kill < killsPerScenario; kill++) {
        const dir = directory()
        const first = startCli(['--json', '--port', '0', '--persist', dir])
        await sleep((window * (kill + 0.5)) / killsPerScenario)
        await hardKill(first)

        const { cli, ready } = await startCliJson(['--port', '0', '--persist', dir])
        expect(await expectUsableTables(ready)).toEqual(['next-auth'])
        expect(await ttlOf(ready, 'next-auth')).toBe('expires')
        await stop(cli)
      }
    },
    killsPerScenario * 30_000,
  )

  test(
    `${killsPerScenario} kills while the admin API creates a table with TTL`,
    async () => {
      const dir = directory()
      for (let kill = 0; kill < killsPerScenario; kill++) {
        const { cli, ready } = await startCliJson(['--port', '0', '--persist', dir])
        const name = `admin-${kill}`
        const creation = fetch(`${ready.adminUrl}/tables`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            definition: {
              TableName: name,
              AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
              KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
              BillingMode: 'PAY_PER_REQUEST',
              TimeToLiveSpecification: { Enabled: true, AttributeName: 'until' },
            },
          }),
        }).then(
          (response) => response.status,
          () => 'cut' as const,
        )
        // From at once to a few milliseconds in: the creation takes about that long.
        await sleep(kill % 4 === 0 ? 0 : kill % 4)
        await hardKill(cli)
        const answered = await creation

        const restarted = await startCliJson(['--port', '0', '--persist', dir])
        const tables = await expectUsableTables(restarted.ready)
        expect(tables).toContain('next-auth')
        expect(await ttlOf(restarted.ready, 'next-auth')).toBe('expires')
        // Created and acknowledged, or not created; never there without its TTL.
        if (answered === 201) expect(tables).toContain(name)
        for (const table of tables.filter((table) => table.startsWith('admin-'))) {
          expect({ table, ttl: await ttlOf(restarted.ready, table) }).toEqual({
            table,
            ttl: 'until',
          })
        }
        await stop(restarted.cli)
      }
    },
    killsPerScenario * 30_000,
  )

  test(
    `${killsPerScenario} kills during a truncate: the table and its index stay in step`,
    async () => {
      const seed = join(directory(), 'users.json')
      const users = Array.from({ length: 10_000 }, (_, i) => ({
        pk: `USER#${i}`,
        sk: `USER#${i}`,
        GSI1PK: `USER#user${i}@example.com`,
        GSI1SK: `USER#user${i}@example.com`,
      }))
      writeFileSync(seed, JSON.stringify({ 'next-auth': users }))
      const pks = async (ready: ReadyLine, IndexName?: string) => {
        const found = new Set<string>()
        for await (const page of paginateScan(
          { client: client(ready) },
          { TableName: 'next-auth', ...(IndexName && { IndexName }), ProjectionExpression: 'pk' },
        )) {
          for (const item of page.Items ?? []) found.add(String(item.pk?.S))
        }
        return found
      }
      const truncate = (ready: ReadyLine) =>
        fetch(`${ready.adminUrl}/truncate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ tableName: 'next-auth' }),
        })
      // How long a truncate of these items takes here, to aim the kills inside it.
      const timed = await startCliJson(['--port', '0', '--persist', directory(), '--seed', seed])
      const started = performance.now()
      expect(await (await truncate(timed.ready)).json()).toEqual({ deleted: users.length })
      const window = performance.now() - started
      await stop(timed.cli)
      for (let kill = 0; kill < killsPerScenario; kill++) {
        const dir = directory()
        const { cli, ready } = await startCliJson(['--port', '0', '--persist', dir, '--seed', seed])
        const truncating = truncate(ready).catch(() => 'cut')
        await sleep((window * (kill + 0.5)) / killsPerScenario)
        await hardKill(cli)
        await truncating

        const restarted = await startCliJson(['--port', '0', '--persist', dir])
        const items = await pks(restarted.ready)
        // All of the truncate or none of it, and every index entry has its item and back.
        expect([0, users.length]).toContain(items.size)
        expect([...(await pks(restarted.ready, 'GSI1'))].sort()).toEqual([...items].sort())
        await stop(restarted.cli)
      }
    },
    killsPerScenario * 30_000,
  )

  test(
    `${killsPerScenario} kills amid a stream of writes: every acknowledged write is there`,
    async () => {
      const dir = directory()
      const acknowledged: string[] = []
      for (let kill = 0; kill < killsPerScenario; kill++) {
        const { cli, ready } = await startCliJson(['--port', '0', '--persist', dir])
        const dynamo = client(ready)
        let writing = true
        let failure: unknown
        const before = acknowledged.length
        const writer = (async () => {
          for (let index = 0; writing; index++) {
            const id = `${kill}-${index}`
            try {
              await dynamo.send(
                new PutItemCommand({
                  TableName: 'next-auth',
                  Item: { pk: { S: `WRITE#${id}` }, sk: { S: `WRITE#${id}` } },
                }),
              )
              acknowledged.push(id)
            } catch (error) {
              failure = error
              return
            }
          }
        })()
        // Once writes are flowing, the kill lands at a different point of the stream each round.
        while (acknowledged.length === before && failure === undefined) await sleep(1)
        expect(failure).toBeUndefined()
        await sleep(kill * 7)
        await hardKill(cli)
        writing = false
        await writer

        const restarted = await startCliJson(['--port', '0', '--persist', dir])
        const stored = new Set<string>()
        for await (const page of paginateScan(
          { client: client(restarted.ready) },
          { TableName: 'next-auth', ProjectionExpression: 'pk' },
        )) {
          for (const item of page.Items ?? []) stored.add(String(item.pk?.S).replace('WRITE#', ''))
        }
        expect(acknowledged.filter((id) => !stored.has(id))).toEqual([])
        await stop(restarted.cli)
      }
      expect(acknowledged.length).toBeGreaterThan(0)
    },
    killsPerScenario * 30_000,
  )
})
