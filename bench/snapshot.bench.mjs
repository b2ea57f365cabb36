// Seed data, snapshots and truncate (harness issue 11 §4). Reproduce with:
//   npx pnpm@10 build && cd bench && node --expose-gc snapshot.bench.mjs
// A table of 1,000 Auth.js-shaped items (users with a GSI entry each), in one namespace.
import { authjsTable, startEmulator } from '@auth-dynamo/harness'
import { median, ms, printTable } from './support/stats.mjs'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
const rounds = Number(process.env.BENCH_ROUNDS ?? 30)
const itemCount = 1_000
const TableName = 'next-auth'

const items = Array.from({ length: itemCount }, (_, i) => ({
  pk: `USER#${i}`,
  sk: `USER#${i}`,
  GSI1PK: `USER#user${i}@example.com`,
  GSI1SK: `USER#user${i}@example.com`,
  type: 'USER',
  email: `user${i}@example.com`,
  name: `User ${i}`,
  emailVerified: null,
}))

const emulator = await startEmulator({ ttl: { mode: 'manual' }, tables: [authjsTable()] })
const namespace = await emulator.createNamespace()

// With --expose-gc, garbage left by the previous step is collected before each timed one.
// Wall time, and this process's CPU time: on a loaded machine (other jobs on the cores), the
// CPU time is what the step costs, the wall time also counts waiting for a core.
const cpuTimes = new Map()
const time = async (work, label) => {
  globalThis.gc?.()
  const cpu = process.cpuUsage()
  const started = performance.now()
  await work()
  const wall = performance.now() - started
  const used = process.cpuUsage(cpu)
  if (label) {
    const list = cpuTimes.get(label) ?? []
    list.push((used.user + used.system) / 1000)
    cpuTimes.set(label, list)
  }
  return wall
}

const seedTimes = []
for (let round = 0; round < Math.max(3, Math.floor(rounds / 10)); round++) {
  await namespace.truncate()
  seedTimes.push(await time(() => namespace.seed({ [TableName]: items }), 'seed'))
}
const full = await namespace.snapshot({ tableName: TableName })

// One untimed round of each warms the JIT.
await namespace.truncate({ tableName: TableName })
await namespace.restore(full)

const truncateTimes = []
const restoreTimes = []
const snapshotTimes = []
for (let round = 0; round < rounds; round++) {
  truncateTimes.push(await time(() => namespace.truncate({ tableName: TableName }), 'truncate'))
  restoreTimes.push(await time(() => namespace.restore(full), 'restore'))
  let taken
  snapshotTimes.push(
    await time(async () => {
      taken = await namespace.snapshot({ tableName: TableName })
    }, 'snapshot'),
  )
  namespace.deleteSnapshot(taken)
}
if ((await namespace.items(TableName)).count !== itemCount) throw new Error('restore lost items')

// The same table beside another of 1,000 items: truncate then clears the table's own ranges
// (the rest of the namespace is larger than what goes), instead of a whole-store clear.
await namespace.createTable(authjsTable({ tableName: 'beside' }))
await namespace.seed({ beside: items })
const besideTimes = []
for (let round = 0; round < rounds; round++) {
  besideTimes.push(await time(() => namespace.truncate({ tableName: TableName }), 'beside'))
  await namespace.restore(full)
}
if ((await namespace.items('beside')).count !== itemCount) throw new Error('truncate lost items')

const fastest = (values) => Math.min(...values)
console.log(
  `load average: ${(await import('node:os'))
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(', ')}`,
)
printTable([
  {
    measure: `truncate() of a table of ${itemCount} items (median)`,
    value: ms(median(truncateTimes)),
    goal: '< 5 ms',
  },
  {
    measure: `truncate() of a table of ${itemCount} items, CPU time (median)`,
    value: ms(median(cpuTimes.get('truncate'))),
    goal: '< 5 ms',
  },
  {
    measure: `truncate() of a table of ${itemCount} items (fastest of ${rounds})`,
    value: ms(fastest(truncateTimes)),
    goal: '',
  },
  {
    measure: `truncate() of a table of ${itemCount} items beside another of ${itemCount} (median)`,
    value: ms(median(besideTimes)),
    goal: '',
  },
  ...[
    ['restore', `restore() of a ${itemCount}-item table snapshot`, restoreTimes],
    ['snapshot', `snapshot() of a ${itemCount}-item table`, snapshotTimes],
    ['seed', `seed of ${itemCount} plain JSON items`, seedTimes],
  ].flatMap(([label, measure, times]) => [
    { measure: `${measure} (median)`, value: ms(median(times)), goal: '' },
    { measure: `${measure}, CPU time (median)`, value: ms(median(cpuTimes.get(label))), goal: '' },
  ]),
])
await emulator.stop()
