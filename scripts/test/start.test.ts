import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { adminClient } from '@auth-dynamo/harness'
import { afterEach, describe, expect, test } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))

/**
 * `pnpm <args>` with the pnpm that runs these tests (`npm_execpath`), so that pnpm itself leads
 * the process group and its exit code is the one checked. Run them through pnpm:
 * `npx --yes pnpm@10 --filter repo-scripts test`.
 */
function pnpm(args: string[]): [string, string[]] {
  const execPath = process.env.npm_execpath
  if (!execPath || !/pnpm/.test(execPath)) {
    throw new Error(
      `these tests run \`pnpm start\` with the pnpm that runs them, and npm_execpath is "${execPath}": run them with npx --yes pnpm@10 --filter repo-scripts test`,
    )
  }
  return [process.execPath, [execPath, ...args]]
}

interface Started {
  child: ChildProcess
  stdout(): string
  stderr(): string
  /** The endpoint the emulator printed, once it says it is ready. */
  ready: Promise<string>
}

/**
 * Runs `pnpm start ...` at the repository root in a process group of its own, which a signal
 * sent to the group reaches as a terminal's Ctrl+C reaches every process of the command.
 */
function start(args: string[]): Started {
  const [command, commandArgs] = pnpm(['start', ...args])
  const { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _, ...env } = process.env
  const child = spawn(command, commandArgs, {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stderr?.on('data', (chunk) => {
    stderr += chunk
  })
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      stdout += chunk
      const endpoint = /^AUTH_DYNAMODB_ENDPOINT=(\S+)$/m.exec(stdout)?.[1]
      if (endpoint !== undefined && stdout.includes('Press Ctrl+C to stop.')) resolve(endpoint)
    })
    child.once('exit', (code, signal) =>
      reject(
        new Error(
          `pnpm start ended (${signal ?? code}) before it was ready:\n${stdout}\n${stderr}`,
        ),
      ),
    )
  })
  return { child, stdout: () => stdout, stderr: () => stderr, ready }
}

/** Ctrl+C: SIGINT to every process of the command. */
function pressCtrlC(child: ChildProcess): void {
  if (child.pid !== undefined) process.kill(-child.pid, 'SIGINT')
}

describe('the Quick start: npx --yes pnpm@10 start', () => {
  let running: Started | undefined

  afterEach(() => {
    const child = running?.child
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid, 'SIGKILL')
    }
    running = undefined
  })

  test('passes `-- --port 0` on to the emulator, which listens on a free port', async () => {
    running = start(['--', '--port', '0'])
    const endpoint = await running.ready
    const port = Number(new URL(endpoint).port)
    expect(port).toBeGreaterThan(0)
    expect(port).not.toBe(8000)
    expect(await adminClient(endpoint).health()).toMatchObject({
      state: 'running',
      tables: ['next-auth'],
    })
    const exited = once(running.child, 'exit')
    pressCtrlC(running.child)
    expect(await exited).toEqual([0, null])
    expect(`${running.stdout()}${running.stderr()}`).not.toMatch(/ELIFECYCLE/)
  })

  test('says what each step does, and Ctrl+C ends it with "Stopped." and exit code 0', async () => {
    running = start(['--port', '0'])
    const endpoint = await running.ready
    const exited = once(running.child, 'exit')
    pressCtrlC(running.child)
    expect(await exited).toEqual([0, null])

    expect(running.stderr()).toMatch(
      /\[1\/3\] Installing @auth-dynamo\/harness.*\[2\/3\] Building @auth-dynamo\/harness.*\[3\/3\] Starting the emulator/s,
    )
    expect(running.stdout()).toMatch(/Stopped\.\n$/)
    // pnpm's "ELIFECYCLE Command failed" after "Stopped." was the bug.
    expect(`${running.stdout()}${running.stderr()}`).not.toMatch(/ELIFECYCLE|ERR_/)
    // The AWS SDK's Node version notice concerns the emulator's internal client, not the user.
    expect(running.stderr()).not.toMatch(/NodeVersionSupportWarning/)
    await expect(fetch(`${endpoint}/_emulator/health`)).rejects.toThrow()
  })
})
