// The Quick start from a fresh clone: time from `npx --yes pnpm@10 start` to the emulator's
// "Press Ctrl+C to stop.", with the pnpm store warm (this machine's) and cold (an empty store,
// so every package comes from the registry). Not part of `pnpm bench`: a cold run downloads
// what `start` installs. Reproduce with:
//   npx pnpm@10 --filter @auth-dynamo/bench run quick-start [-- --ref <commit>] [--store warm|cold|both]
// The npx cache (pnpm@10 itself) stays warm in both cases.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os, { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { printTable } from './support/stats.mjs'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const argv = process.argv.slice(2)
const { values } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: {
    ref: { type: 'string', default: 'HEAD' },
    store: { type: 'string', default: 'both' },
  },
})
const stores = values.store === 'both' ? ['warm', 'cold'] : [values.store]

/** Clones `ref` to a fresh directory, runs start there, and measures until it is ready. */
async function measure(ref, store) {
  const work = await mkdtemp(join(tmpdir(), 'auth-dynamo-quick-start-'))
  try {
    const repo = join(work, 'repo')
    execFileSync('git', ['clone', '--quiet', '--no-checkout', root, repo])
    execFileSync('git', ['-C', repo, 'checkout', '--quiet', ref])
    const env = {
      ...process.env,
      // The old start script took no flags; both read the port from here.
      AUTH_DYNAMO_EMULATOR_PORT: '0',
      ...(store === 'cold' ? { npm_config_store_dir: join(work, 'store') } : {}),
    }
    delete env.npm_execpath
    const cpuFile = join(work, 'cpu.txt')
    const started = performance.now()
    // /usr/bin/time adds up the CPU seconds of the whole command, less noisy than wall time on a
    // busy machine.
    const child = spawn(
      '/usr/bin/time',
      ['-f', '%U %S', '-o', cpuFile, 'npx', '--yes', 'pnpm@10', 'start'],
      {
        cwd: repo,
        env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    const marks = {}
    const mark = () => {
      for (const step of ['[2/3]', '[3/3]']) {
        if (marks[step] === undefined && output.includes(step))
          marks[step] = (performance.now() - started) / 1000
      }
    }
    child.stderr.on('data', (chunk) => {
      output += chunk
      mark()
    })
    const seconds = await new Promise((resolvePromise, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk
        mark()
        if (output.includes('Press Ctrl+C to stop.'))
          resolvePromise((performance.now() - started) / 1000)
      })
      child.once('exit', (code) => reject(new Error(`start exited with ${code}:\n${output}`)))
    })
    process.kill(-child.pid, 'SIGINT')
    await new Promise((resolvePromise) => child.once('exit', resolvePromise))
    const installed = execFileSync('du', ['-sm', join(repo, 'node_modules')], { encoding: 'utf8' })
    // The last line: `time` writes "Command terminated by signal 2" first when npx ends by SIGINT.
    const [user, system] = ((await readFile(cpuFile, 'utf8')).trim().split('\n').at(-1) ?? '')
      .split(/\s+/)
      .map(Number)
    const at = (step) => (marks[step] === undefined ? '' : `${marks[step].toFixed(1)} s`)
    return {
      ref,
      store,
      'to ready': `${seconds.toFixed(1)} s`,
      'build from': at('[2/3]'),
      'start from': at('[3/3]'),
      'CPU (user + sys)': `${(user + system).toFixed(1)} s`,
      load: os.loadavg()[0].toFixed(1),
      node_modules: `${installed.split('\t')[0]} MB`,
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

const rows = []
for (const store of stores) rows.push(await measure(values.ref, store))
printTable(rows)
