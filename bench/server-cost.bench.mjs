// The server's CPU per request (issue 13 §2): the emulator and bare dynalite each in a process of
// its own, one client driving both with the calls of a bench:vitest test (PutItem, GetItem,
// UpdateItem, Query on the GSI, DeleteItem), the servers' CPU read with process.cpuUsage() around
// each round. In bench:vitest the server shares the main vitest process with the run, so its cost
// per request is what sets the harness apart from bare dynalite there.
// Reproduce with: npx pnpm@10 --filter @auth-dynamo/bench bench:server-cost
import { fork } from 'node:child_process'
import { authjsTable } from '@auth-dynamo/harness'
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import { median, printTable } from './support/stats.mjs'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
const rounds = Number(process.env.BENCH_ROUNDS ?? 10)
const itemsPerRound = 200 // x 5 calls: 1,000 requests a round
const tableName = authjsTable().TableName

if (process.argv[2] === '--server') await serve(process.argv[3])
else await main()

async function main() {
  const servers = {
    '@auth-dynamo/harness': await start('ours'),
    'bare dynalite': await start('dynalite'),
  }
  const cpu = Object.fromEntries(Object.keys(servers).map((side) => [side, []]))
  for (const server of Object.values(servers)) await calls(server.db, 100, 'warm')
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? Object.keys(servers).reverse() : Object.keys(servers)
    for (const side of order) {
      const before = await cpuOf(servers[side].child)
      await calls(servers[side].db, itemsPerRound, `r${round}`)
      cpu[side].push((await cpuOf(servers[side].child)) - before)
    }
  }
  for (const server of Object.values(servers)) {
    server.db.destroy()
    server.child.kill()
  }
  console.log(`server CPU per 1,000 requests, ${rounds} rounds, medians`)
  printTable(
    Object.keys(cpu).map((side) => ({
      side,
      'CPU per 1,000 requests (ms)': median(cpu[side]).toFixed(0),
      'vs bare dynalite': `${(median(cpu[side]) / median(cpu['bare dynalite'])).toFixed(2)}x`,
    })),
  )
}

async function start(kind) {
  const child = fork(new URL(import.meta.url).pathname, ['--server', kind])
  const { endpoint, credentials } = await new Promise((resolve) => child.once('message', resolve))
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials })
  if (kind === 'dynalite') {
    // The emulator's own Auth.js table definition, less TTL (not a CreateTable parameter).
    const { TimeToLiveSpecification: _ttl, ...input } = authjsTable()
    await client.send(new CreateTableCommand(input))
  }
  return { child, db: DynamoDBDocumentClient.from(client) }
}

function cpuOf(child) {
  return new Promise((resolve) => {
    child.once('message', resolve)
    child.send('cpu')
  })
}

async function serve(kind) {
  let endpoint
  let credentials = { accessKeyId: 'bench', secretAccessKey: 'bench' }
  if (kind === 'ours') {
    const { startEmulator } = await import('@auth-dynamo/harness')
    const emulator = await startEmulator({ port: 0, ttl: { mode: 'manual' } })
    endpoint = emulator.endpoint
    // As a vitest file's requests arrive: signed into a namespace of their own.
    const namespace = await emulator.createNamespace()
    credentials = { ...namespace.credentials }
  } else {
    const { default: dynalite } = await import('dynalite')
    const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
    endpoint = `http://127.0.0.1:${server.address().port}`
  }
  process.on('message', () => {
    const { user, system } = process.cpuUsage()
    process.send((user + system) / 1000)
  })
  process.send({ endpoint, credentials })
}

async function calls(db, items, tag) {
  for (let index = 0; index < items; index++) {
    const Key = { pk: `USER#${tag}-${index}`, sk: 'SESSION#1' }
    const gsi = `SESSION#${tag}-${index}`
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...Key, GSI1PK: gsi, GSI1SK: gsi, expires: 2_000_000_000 },
      }),
    )
    await db.send(new GetCommand({ TableName: tableName, Key }))
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key,
        UpdateExpression: 'SET expires = :e',
        ExpressionAttributeValues: { ':e': 2_000_000_100 },
      }),
    )
    await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': gsi },
      }),
    )
    await db.send(new DeleteCommand({ TableName: tableName, Key }))
  }
}
