// TTL sweeper cost (issue 13 §1): idle CPU and GetItem latency of an emulator holding 1k, 10k
// and 100k Auth.js items, sweeping every second (`interval`) vs only when asked (`manual`).
// Reproduce with: npx pnpm@10 --filter @auth-dynamo/bench bench:ttl
// Each emulator runs in a child process of its own (CPU time is per process); the parent is
// the client. The two modes alternate, round by round, so machine noise hits both alike.
import { fork } from 'node:child_process'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb'
import { fillAuthjsTable } from './support/authjs-items.mjs'
import { median, ms, printTable } from './support/stats.mjs'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
const rounds = Number(process.env.BENCH_TTL_ROUNDS ?? 2)
const sizes = (process.env.BENCH_TTL_SIZES ?? '1000,10000,100000').split(',').map(Number)
const idleMs = Number(process.env.BENCH_TTL_IDLE_MS ?? 5000)
const gets = Number(process.env.BENCH_TTL_GETS ?? 300)
const settleMs = Number(process.env.BENCH_TTL_SETTLE_MS ?? 3000)
const modes = ['interval', 'manual']

if (process.argv[2] === '--child') await child(Number(process.argv[3]), process.argv[4])
else await main()

async function main() {
  const rows = []
  for (const size of sizes) {
    const results = { interval: [], manual: [] }
    for (let round = 0; round < rounds; round++) {
      for (const mode of round % 2 ? [...modes].reverse() : modes) {
        results[mode].push(await measure(size, mode))
      }
    }
    for (const mode of modes) {
      const runs = results[mode]
      rows.push({
        items: size.toLocaleString('en-US'),
        'ttl.mode': mode,
        'idle CPU (ms/s)': median(runs.map((run) => run.idleCpuMsPerS)).toFixed(1),
        'GetItem median': ms(median(runs.map((run) => run.getMedian))),
        'GetItem p99': ms(median(runs.map((run) => run.getP99))),
        'RSS (MB)': Math.round(median(runs.map((run) => run.rssMb))),
        goal: mode === 'interval' ? 'idle CPU < 5 ms/s' : '',
      })
    }
  }
  console.log(
    `TTL sweeper: ${rounds} round(s) per cell, idle window ${idleMs} ms, ${gets} GetItems`,
  )
  printTable(rows)
}

/** One emulator in a child: fill, idle, then GetItems from here. */
function measure(size, mode) {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(import.meta.url), ['--child', String(size), mode], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: ['--expose-gc'],
    })
    child.once('error', reject)
    child.on('message', async (message) => {
      if (message.ready) {
        const latencies = await getItems(message.endpoint, message.credentials)
        child.send({ done: true })
        const sorted = [...latencies].sort((a, b) => a - b)
        resolve({
          idleCpuMsPerS: message.idleCpuMsPerS,
          rssMb: message.rssMb,
          getMedian: median(latencies),
          getP99: sorted[Math.floor(sorted.length * 0.99)],
        })
      }
    })
  })
}

async function getItems(endpoint, credentials) {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: 'us-east-1', credentials }),
  )
  // Untimed warm-up of the socket and the JIT.
  for (let index = 0; index < 20; index++) {
    await client.send(
      new GetCommand({ TableName: 'next-auth', Key: { pk: 'USER#0', sk: 'USER#0' } }),
    )
  }
  const latencies = []
  for (let index = 0; index < gets; index++) {
    const n = (index * 4 * 7919) % 1000
    const started = performance.now()
    await client.send(
      new GetCommand({ TableName: 'next-auth', Key: { pk: `USER#${n}`, sk: `USER#${n}` } }),
    )
    latencies.push(performance.now() - started)
  }
  client.destroy()
  return latencies
}

async function child(size, mode) {
  // BENCH_HARNESS points at another build of the harness (e.g. an older one) to compare.
  const { startEmulator } = await import(process.env.BENCH_HARNESS ?? '@auth-dynamo/harness')
  const emulator = await startEmulator({ ttl: { mode } })
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: emulator.endpoint,
      region: emulator.region,
      credentials: emulator.credentials,
    }),
  )
  await fillAuthjsTable(client, 'next-auth', size)
  client.destroy()
  global.gc?.()
  // Let the last writes and a sweep or two settle before the idle window.
  await new Promise((resolve) => setTimeout(resolve, settleMs))
  const before = process.cpuUsage()
  const started = performance.now()
  await new Promise((resolve) => setTimeout(resolve, idleMs))
  const used = process.cpuUsage(before)
  const elapsed = performance.now() - started
  const idleCpuMsPerS = (used.user + used.system) / 1000 / (elapsed / 1000)
  const rssMb = process.memoryUsage().rss / 2 ** 20
  process.send({
    ready: true,
    endpoint: emulator.endpoint,
    credentials: emulator.credentials,
    idleCpuMsPerS,
    rssMb,
  })
  process.once('message', async () => {
    await emulator.stop()
    process.exit(0)
  })
}
