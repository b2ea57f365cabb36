#!/usr/bin/env node
// The Quick start's `npx --yes pnpm@10 start [-- flags]`: installs only what the emulator needs
// (@auth-dynamo/harness and its dependencies, not the whole workspace), builds it, then runs the
// auth-dynamo-emulator CLI in this process with the given flags (`--port 0`, `--json`...). Each
// step says what it does; Ctrl+C stops the emulator, which prints "Stopped." and exits 0.
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { constants } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const harnessDir = join(root, 'packages', 'harness')
const harness = '@auth-dynamo/harness'

// `pnpm start -- --port 0` hands the script its `--`; the flags are what follows it.
const flags = process.argv.slice(2)
if (flags[0] === '--') flags.shift()

/** pnpm as it runs this script (npm_execpath), else the Quick start's own `npx --yes pnpm@10`. */
function pnpmCommand(args) {
  const execPath = process.env.npm_execpath
  if (execPath && /pnpm/.test(execPath)) return [process.execPath, [execPath, ...args]]
  return ['npx', ['--yes', 'pnpm@10', ...args]]
}

/** Runs a step's command with its output on ours; exits with its code when it fails. */
function step(label, [command, args]) {
  process.stderr.write(`\n${label}\n`)
  return new Promise((resolvePromise) => {
    // Their output goes to stderr, so that stdout carries only the emulator's (e.g. `--json`).
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 2, 2] })
    child.on('error', (error) => {
      process.stderr.write(`start: could not run ${command}: ${error.message}\n`)
      process.exit(1)
    })
    child.on('exit', (code, signal) => {
      if (code === 0) return resolvePromise()
      process.stderr.write(`start: ${label} failed (${signal ?? `exit code ${code}`}).\n`)
      process.exit(code ?? 1)
    })
  })
}

// A Ctrl+C during the install or build reaches pnpm, tsc and this process alike (one process
// group): let the step end and report it, rather than dying first with a stack trace.
const ignoreDuringSteps = () => {}
process.on('SIGINT', ignoreDuringSteps)

await step(
  `[1/3] Installing ${harness} and its dependencies (not the whole workspace)...`,
  pnpmCommand(['install', '--filter', harness, '--prefer-offline']),
)
await step(`[2/3] Building ${harness} (cached when its sources did not change)...`, [
  process.execPath,
  [
    createRequire(join(root, 'package.json')).resolve('turbo/bin/turbo'),
    'run',
    'build',
    `--filter=${harness}`,
    '--output-logs=errors-only',
    '--log-prefix=none',
    // The emulator needs the JavaScript, not a type check (a third of tsc's time) nor the jest
    // entry; `build` and `typecheck` do the rest. turbo caches this build apart from the full one.
    '--',
    '--noCheck',
    '--emulator-only',
  ],
])
process.stderr.write('\n[3/3] Starting the emulator\n\n')

// The CLI runs in a process group of its own, and gets exactly one stop signal, from here. A
// Ctrl+C reaches this process twice (from the terminal, and again from pnpm, which passes
// signals on to its script), and a second SIGINT reaching the CLI as it exits ends it by the
// signal, which pnpm reports as "ELIFECYCLE Command failed".
const manifest = JSON.parse(await readFile(join(harnessDir, 'package.json'), 'utf8'))
const [bin] = Object.values(manifest.bin)
const cli = spawn(process.execPath, [join(harnessDir, bin), ...flags], {
  cwd: root,
  stdio: 'inherit',
  detached: true,
})
let forwardedAt
const stop = (signal) => {
  // pnpm's copy of a Ctrl+C comes within milliseconds of the terminal's; a press a second later
  // is the user's second Ctrl+C, which the CLI takes as "stop now".
  if (forwardedAt !== undefined && Date.now() - forwardedAt < 1000) return
  forwardedAt = Date.now()
  if (cli.exitCode === null && cli.signalCode === null) cli.kill(signal)
}
process.off('SIGINT', ignoreDuringSteps)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal))
// An explicit exit with the CLI's code: no moment without a signal handler, no re-raised signal.
cli.on('exit', (code, signal) =>
  process.exit(code ?? (signal ? 128 + constants.signals[signal] : 1)),
)
