// Harness benchmarks (issue 2 §5). Reproduce with: npx pnpm@10 bench
// Each comparison runs its sides interleaved in one process, so machine noise hits both alike.
import { fork } from 'node:child_process'
import { adminClient, authjsTable, startEmulator } from '@auth-dynamo/harness'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import dynalite from 'dynalite'
import { fillAuthjsTable } from './support/authjs-items.mjs'
import { median, ms, printTable } from './support/stats.mjs'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
const credentials = { accessKeyId: 'bench', secretAccessKey: 'bench' }
const rounds = Number(process.env.BENCH_ROUNDS ?? 15)
const pairs = 1_000

if (process.argv[2] === '--rss-child') await rssChild()
else await main()

async function main() {
  const results = []

  // Warm the module graph once so the first startup does not pay for imports.
  await (await startEmulator()).stop()

  const startups = []
  for (let round = 0; round < rounds; round++) {
    const started = performance.now()
    const emulator = await startEmulator()
    startups.push(performance.now() - started)
    await emulator.stop()
  }
  results.push({
    measure: 'startEmulator() to Auth.js table ACTIVE (median)',
    value: ms(median(startups)),
    goal: '<= 100 ms',
  })

  const emulator = await startEmulator({ ttl: { mode: 'manual' } })
  const admin = adminClient(emulator.endpoint)
  const tableTimes = []
  for (let round = 0; round < rounds * 4; round++) {
    const started = performance.now()
    await admin.createAuthjsTable()
    tableTimes.push(performance.now() - started)
  }
  results.push({
    measure: 'fresh isolated Auth.js table via admin API (median)',
    value: ms(median(tableTimes)),
    goal: '<= 15 ms',
  })

  const bare = await startBareDynalite()
  // One untimed round each warms the JIT and the keep-alive sockets.
  await putGetPairs(emulator.endpoint, 'next-auth')
  await putGetPairs(bare.endpoint, 'next-auth')
  const harnessTimes = []
  const bareTimes = []
  const ratios = []
  for (let round = 0; round < Math.max(5, Math.floor(rounds / 2)); round++) {
    // Alternate which side goes first, so drift in machine load cancels out.
    const [first, second] = round % 2 ? [bare, emulator] : [emulator, bare]
    const firstTime = await putGetPairs(first.endpoint, 'next-auth')
    const secondTime = await putGetPairs(second.endpoint, 'next-auth')
    const harnessTime = first === emulator ? firstTime : secondTime
    const bareTime = first === emulator ? secondTime : firstTime
    harnessTimes.push(harnessTime)
    bareTimes.push(bareTime)
    ratios.push(harnessTime / bareTime)
  }
  const overhead = median(ratios) - 1
  results.push({
    measure: `${pairs} Put+Get pairs, harness (median)`,
    value: ms(median(harnessTimes)),
    goal: '',
  })
  results.push({
    measure: `${pairs} Put+Get pairs, bare dynalite (median)`,
    value: ms(median(bareTimes)),
    goal: '',
  })
  results.push({
    measure: 'harness overhead over bare dynalite (median of paired rounds)',
    value: `${(overhead * 100).toFixed(1)} %`,
    goal: '<= 10 %',
  })
  await bare.close()
  await emulator.stop()

  const rss = await measureRssInChild()
  results.push({
    measure: 'RSS, emulator with the empty Auth.js table',
    value: `${rss.emptyMb} MB`,
    goal: '',
  })
  results.push({
    measure: 'RSS, emulator holding 10,000 Auth.js items',
    value: `${rss.loadedMb} MB`,
    goal: '',
  })

  printTable(results)
}

async function putGetPairs(endpoint, table) {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: 'us-east-1', credentials }),
  )
  const started = performance.now()
  for (let index = 0; index < pairs; index++) {
    const key = { pk: `USER#${index}`, sk: `USER#${index}` }
    await client.send(
      new PutCommand({ TableName: table, Item: { ...key, email: `u${index}@example.com` } }),
    )
    await client.send(new GetCommand({ TableName: table, Key: key }))
  }
  const elapsed = performance.now() - started
  client.destroy()
  return elapsed
}

async function startBareDynalite() {
  const server = dynalite({ createTableMs: 0 })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const endpoint = `http://127.0.0.1:${server.address().port}`
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials })
  const { TimeToLiveSpecification: _ttl, ...input } = authjsTable()
  const { CreateTableCommand, DescribeTableCommand } = await import('@aws-sdk/client-dynamodb')
  await client.send(new CreateTableCommand(input))
  while (
    (await client.send(new DescribeTableCommand({ TableName: 'next-auth' }))).Table.TableStatus !==
    'ACTIVE'
  ) {
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
  client.destroy()
  return { endpoint, close: () => new Promise((resolve) => server.close(resolve)) }
}

// RSS is per process, so it is measured in a child that holds nothing but the emulator.
function measureRssInChild() {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(import.meta.url), ['--rss-child'], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    child.once('message', resolve)
    child.once('error', reject)
  })
}

async function rssChild() {
  const emulator = await startEmulator({ ttl: { mode: 'manual' } })
  const settle = () => new Promise((resolve) => setTimeout(resolve, 200))
  global.gc?.()
  await settle()
  const emptyMb = Math.round(process.memoryUsage().rss / 2 ** 20)
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: emulator.endpoint,
      region: emulator.region,
      credentials: emulator.credentials,
    }),
  )
  // One batch at a time, as this measure always wrote them.
  await fillAuthjsTable(client, 'next-auth', 10_000, { concurrency: 1 })
  global.gc?.()
  await settle()
  const loadedMb = Math.round(process.memoryUsage().rss / 2 ** 20)
  process.send({ emptyMb, loadedMb }, () => emulator.stop().then(() => process.exit(0)))
}
