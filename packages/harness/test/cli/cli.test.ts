import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { afterEach, describe, expect, it } from 'vitest'
import { adminClient } from '../../src/admin/admin-client.js'
import {
  type CliProcess,
  exitCode,
  killRunningClis,
  type ReadyLine,
  startCli,
  startCliJson,
} from './cli-process.js'

const clients: DynamoDBDocument[] = []
const cleanups: Array<() => Promise<void>> = []

afterEach(async () => {
  await killRunningClis()
  for (const client of clients.splice(0)) client.destroy()
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

function documentClient(ready: Pick<ReadyLine, 'endpoint' | 'region' | 'credentials'>) {
  const client = DynamoDBDocument.from(
    new DynamoDBClient({
      endpoint: ready.endpoint,
      region: ready.region,
      // A copy: the SDK writes bookkeeping into the credentials object it is given.
      credentials: { ...ready.credentials },
      maxAttempts: 1,
    }),
  )
  clients.push(client)
  return client
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'auth-dynamo-cli-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

function expectOneLineError(cli: CliProcess, expected: string) {
  expect(cli.stdout()).toBe('')
  expect(cli.stderr()).toBe(`auth-dynamo-emulator: ${expected}\n`)
}

describe('auth-dynamo-emulator --help and --version', () => {
  it('--help lists every flag with its environment variable, and exits 0', async () => {
    const cli = startCli(['--help'])
    expect(await exitCode(cli)).toBe(0)
    expect(cli.stderr()).toBe('')
    const help = cli.stdout()
    for (const flag of [
      '--port PORT',
      '--host HOST',
      '--table NAME',
      '--persist DIR',
      '--clock MODE',
      '--ttl-mode MODE',
      '--sweep-interval MS',
      '--lag MS',
      '--json',
      '--help',
      '--version',
    ]) {
      expect(help).toContain(flag)
    }
    for (const variable of [
      'PORT',
      'HOST',
      'TABLE',
      'PERSIST',
      'CLOCK',
      'TTL_MODE',
      'SWEEP_INTERVAL',
      'LAG',
    ]) {
      expect(help).toContain(`env AUTH_DYNAMO_EMULATOR_${variable}`)
    }
  })

  it('--version prints the version in package.json, and exits 0', async () => {
    const manifest = JSON.parse(
      await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string }
    const cli = startCli(['--version'])
    expect(await exitCode(cli)).toBe(0)
    expect(cli.stdout()).toBe(`${manifest.version}\n`)
    expect(cli.stderr()).toBe('')
  })
})

describe('auth-dynamo-emulator --json', () => {
  it('prints one JSON line when ready, and the endpoint serves PutItem and GetItem', async () => {
    const { cli, ready } = await startCliJson(['--port', '0'])
    const readyLine = cli.stdout()
    expect(readyLine.split('\n')).toEqual([expect.stringMatching(/^\{.*\}$/), ''])
    expect(ready).toMatchObject({
      endpoint: `http://127.0.0.1:${ready.port}`,
      region: 'us-east-1',
      tables: ['next-auth'],
      adminUrl: `http://127.0.0.1:${ready.port}/_emulator`,
      inspectorUrl: `http://127.0.0.1:${ready.port}/_emulator/inspector`,
      persist: null,
      clock: 'system',
      ttlMode: 'interval',
      env: {
        AUTH_DYNAMODB_ENDPOINT: ready.endpoint,
        AUTH_DYNAMODB_REGION: ready.region,
        AUTH_DYNAMODB_ID: ready.credentials.accessKeyId,
        AUTH_DYNAMODB_SECRET: ready.credentials.secretAccessKey,
      },
    })
    expect(ready.port).toBeGreaterThan(0)

    const client = documentClient(ready)
    const item = { pk: 'USER#1', sk: 'USER#1', email: 'ada@example.com', type: 'USER' }
    await client.put({ TableName: 'next-auth', Item: item })
    const { Item } = await client.get({
      TableName: 'next-auth',
      Key: { pk: 'USER#1', sk: 'USER#1' },
    })
    expect(Item).toEqual(item)

    cli.child.kill('SIGTERM')
    expect(await exitCode(cli)).toBe(0)
    expect(cli.stdout()).toBe(readyLine)
    expect(cli.stderr()).toBe('')
  })

  it('takes its settings from AUTH_DYNAMO_EMULATOR_* variables when no flag is given', async () => {
    const { ready } = await startCliJson([], {
      AUTH_DYNAMO_EMULATOR_PORT: '0',
      AUTH_DYNAMO_EMULATOR_TABLE: 'from-env',
      AUTH_DYNAMO_EMULATOR_CLOCK: 'manual',
    })
    expect(ready.tables).toEqual(['from-env'])
    expect(ready.clock).toBe('manual')
    const { TableNames } = await documentClient(ready).send(new ListTablesCommand({}))
    expect(TableNames).toEqual(['from-env'])
  })

  it('passes --clock and --ttl-mode to the emulator: expired items go only when swept', async () => {
    const { ready } = await startCliJson([
      '--port',
      '0',
      '--clock',
      'manual',
      '--ttl-mode',
      'manual',
    ])
    const client = documentClient(ready)
    const admin = adminClient(ready.endpoint)
    const start = await admin.clock()
    expect(start.mode).toBe('manual')
    const key = { pk: 'USER#1', sk: 'SESSION#token' }
    await client.put({
      TableName: 'next-auth',
      Item: { ...key, expires: Math.floor(start.epochMs / 1000) + 60 },
    })

    await admin.advanceClock(120_000)
    expect((await client.get({ TableName: 'next-auth', Key: key })).Item).toBeDefined()
    expect(await admin.sweep()).toEqual({ deleted: 1 })
    expect((await client.get({ TableName: 'next-auth', Key: key })).Item).toBeUndefined()
  })
})

describe('auth-dynamo-emulator --seed', () => {
  it('loads the items of each file at start, relative paths from the working directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-seed-'))
    try {
      await writeFile(
        join(dir, 'users.json'),
        JSON.stringify({ 'next-auth': [{ pk: 'USER#1', sk: 'USER#1', email: 'ada@example.com' }] }),
      )
      await writeFile(
        join(dir, 'sessions.json'),
        JSON.stringify({ 'next-auth': [{ pk: { S: 'USER#1' }, sk: { S: 'SESSION#1' } }] }),
      )
      const { ready } = await startCliJson(
        ['--port', '0', '--seed', 'users.json,sessions.json'],
        {},
        { cwd: dir },
      )
      const { Items } = await documentClient(ready).scan({ TableName: 'next-auth' })
      expect(Items?.map((item) => item.sk).sort()).toEqual(['SESSION#1', 'USER#1'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('a bad seed item exits 1 naming the file, the item and the attribute', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-seed-'))
    try {
      const file = join(dir, 'bad.json')
      await writeFile(file, JSON.stringify({ 'next-auth': [{ pk: 'USER#1' }] }))
      const cli = startCli(['--port', '0', '--seed', file])
      expect(await exitCode(cli)).toBe(1)
      expect(cli.stderr()).toContain(file)
      expect(cli.stderr()).toMatch(/item 0|item 1/)
      expect(cli.stderr()).toContain('"sk"')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('auth-dynamo-emulator human output', () => {
  it('prints the endpoint, the tables, the admin URL and the .env lines, all of them true', async () => {
    const cli = startCli(['--port', '0', '--table', 'my-auth'])
    const text = await cli.waitForStdout((stdout) => stdout.includes('Press Ctrl+C to stop.'))
    const endpoint = /^ {2}endpoint {2}(http:\/\/127\.0\.0\.1:\d+)$/m.exec(text)?.[1]
    expect(endpoint).toBeDefined()
    expect(text).toMatch(/^ {2}tables {4}my-auth$/m)
    expect(text).toContain(`  admin     ${endpoint}/_emulator\n`)
    const inspector = /^ {2}inspect {3}(\S+) /m.exec(text)?.[1]
    expect(inspector).toBe(`${endpoint}/_emulator/inspector`)
    const page = await fetch(inspector ?? '')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('my-auth')
    expect(text).toContain(
      [
        'Paste into .env:',
        '',
        `AUTH_DYNAMODB_ENDPOINT=${endpoint}`,
        'AUTH_DYNAMODB_REGION=us-east-1',
        'AUTH_DYNAMODB_ID=auth-dynamo',
        'AUTH_DYNAMODB_SECRET=auth-dynamo',
      ].join('\n'),
    )
    const health = await adminClient(`${endpoint}`).health()
    expect(health.tables).toEqual(['my-auth'])

    cli.child.kill('SIGINT')
    expect(await exitCode(cli)).toBe(0)
    expect(cli.stdout().endsWith('Stopped.\n')).toBe(true)
    expect(cli.stderr()).toBe('')
  })
})

describe('auth-dynamo-emulator stops cleanly', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('on %s: exits 0 and frees the port', async (signal) => {
    const { cli, ready } = await startCliJson(['--port', '0'])
    cli.child.kill(signal)
    expect(await exitCode(cli)).toBe(0)
    expect(cli.stderr()).toBe('')
    await expect(listenOn(ready.port).then(closeServer)).resolves.toBeUndefined()
  })
})

describe('auth-dynamo-emulator errors: one line, what is wrong and how to fix it', () => {
  it('a taken port exits 1 and says to pass --port 0', async () => {
    const blocker = await listenOn(0)
    cleanups.push(() => closeServer(blocker))
    const port = (blocker.address() as { port: number }).port
    const cli = startCli(['--port', String(port)])
    expect(await exitCode(cli)).toBe(1)
    expectOneLineError(
      cli,
      `port ${port} is in use: pass --port 0 for a free port, or stop whatever listens on 127.0.0.1:${port}`,
    )
  })

  it.each([
    [['--nope'], 'unknown flag --nope: run auth-dynamo-emulator --help to see the flags'],
    [
      ['--port', 'abc'],
      '--port must be an integer from 0 to 65535 (0 picks a free port), got "abc": run auth-dynamo-emulator --help to see the flags',
    ],
    [
      ['--ttl-mode', 'nope'],
      '--ttl-mode must be one of interval, manual, lag, got "nope": run auth-dynamo-emulator --help to see the flags',
    ],
    [['--port'], '--port needs a value: write --port PORT'],
  ])('%j exits 2', async (args, message) => {
    const cli = startCli(args)
    expect(await exitCode(cli)).toBe(2)
    expectOneLineError(cli, message)
  })

  it.each([
    ['/proc/auth-dynamo-test', /cannot make the directory \/proc\/auth-dynamo-test/],
    ['/etc/passwd/data', /\/etc\/passwd exists and is not a directory/],
  ])('a --persist directory that cannot be made (%s) exits 1 with one line', async (dir, why) => {
    const cli = startCli(['--port', '0', '--persist', dir])
    expect(await exitCode(cli)).toBe(1)
    expect(cli.stderr()).toMatch(why)
    expect(cli.stderr().trim().split('\n')).toHaveLength(1)
    expect(cli.stdout()).toBe('')
  })

  it('a bad environment variable exits 2 and names the variable', async () => {
    const cli = startCli([], { AUTH_DYNAMO_EMULATOR_PORT: 'eighty' })
    expect(await exitCode(cli)).toBe(2)
    expectOneLineError(
      cli,
      'AUTH_DYNAMO_EMULATOR_PORT must be an integer from 0 to 65535 (0 picks a free port), got "eighty": fix or unset AUTH_DYNAMO_EMULATOR_PORT',
    )
  })
})

describe('auth-dynamo-emulator --persist', () => {
  it('keeps data written before a stop across a restart with the same directory', async () => {
    const dir = await tempDir()
    const item = { pk: 'USER#7', sk: 'USER#7', email: 'grace@example.com' }

    const first = await startCliJson(['--port', '0', '--persist', dir])
    expect(first.ready.persist).toBe(dir)
    await documentClient(first.ready).put({ TableName: 'next-auth', Item: item })
    first.cli.child.kill('SIGTERM')
    expect(await exitCode(first.cli)).toBe(0)

    const second = await startCliJson(['--port', '0', '--persist', dir])
    expect(second.ready.tables).toEqual(['next-auth'])
    const { Item } = await documentClient(second.ready).get({
      TableName: 'next-auth',
      Key: { pk: 'USER#7', sk: 'USER#7' },
    })
    expect(Item).toEqual(item)
    second.cli.child.kill('SIGTERM')
    expect(await exitCode(second.cli)).toBe(0)
  })

  it('keeps nothing without --persist', async () => {
    const item = { pk: 'USER#8', sk: 'USER#8' }
    const first = await startCliJson(['--port', '0'])
    await documentClient(first.ready).put({ TableName: 'next-auth', Item: item })
    first.cli.child.kill('SIGTERM')
    expect(await exitCode(first.cli)).toBe(0)

    const second = await startCliJson(['--port', '0'])
    const { Item } = await documentClient(second.ready).get({ TableName: 'next-auth', Key: item })
    expect(Item).toBeUndefined()
  })
})

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  )
}
