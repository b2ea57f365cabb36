import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The committed bin shim, which runs the BUILT CLI in dist/. */
export const BIN = fileURLToPath(new URL('../../bin/auth-dynamo-emulator.js', import.meta.url))

/** Bound for any wait on the child: generous, because CI machines are shared and slow. */
const WAIT_MS = 20_000

/** A running `auth-dynamo-emulator` child process and what it printed so far. */
export interface CliProcess {
  readonly child: ChildProcess
  stdout(): string
  stderr(): string
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>
  /** Resolves with stdout once `predicate` holds for it; rejects if the process exits first. */
  waitForStdout(predicate: (stdout: string) => boolean): Promise<string>
}

const running = new Set<ChildProcess>()

/**
 * Spawns the built CLI with `args`. The environment is the test's, minus every
 * `AUTH_DYNAMO_EMULATOR_*` variable, plus `env`.
 */
export function startCli(
  args: string[],
  env: Record<string, string> = {},
  options: { cwd?: string } = {},
): CliProcess {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AUTH_DYNAMO_EMULATOR_')),
  )
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...inherited, ...env },
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  // 'close' rather than 'exit': it fires after stdout and stderr are fully read.
  const exited = new Promise<number | null>((resolve) => {
    child.on('close', (code) => {
      running.delete(child)
      resolve(code)
    })
  })
  const waitForStdout = (predicate: (text: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup()
        reject(
          new Error(
            `no expected output within ${WAIT_MS} ms; stdout: ${stdout}; stderr: ${stderr}`,
          ),
        )
      }, WAIT_MS)
      const check = () => {
        if (!predicate(stdout)) return
        cleanup()
        resolve(stdout)
      }
      const onClose = () => {
        cleanup()
        reject(
          new Error(
            `the CLI exited before the expected output; stdout: ${stdout}; stderr: ${stderr}`,
          ),
        )
      }
      const cleanup = () => {
        clearTimeout(timer)
        child.stdout?.off('data', check)
        child.off('close', onClose)
      }
      child.stdout?.on('data', check)
      child.on('close', onClose)
      check()
    })
  return { child, stdout: () => stdout, stderr: () => stderr, exited, waitForStdout }
}

/**
 * Starts the CLI with `--json` and resolves with the parsed ready line.
 */
export async function startCliJson(
  args: string[],
  env: Record<string, string> = {},
  options: { cwd?: string } = {},
): Promise<{ cli: CliProcess; ready: ReadyLine }> {
  const cli = startCli(['--json', ...args], env, options)
  const stdout = await cli.waitForStdout((text) => text.includes('\n'))
  return { cli, ready: JSON.parse(stdout.slice(0, stdout.indexOf('\n'))) as ReadyLine }
}

/** The JSON line `--json` prints. */
export interface ReadyLine {
  endpoint: string
  region: string
  credentials: { accessKeyId: string; secretAccessKey: string }
  tables: string[]
  adminUrl: string
  inspectorUrl: string
  port: number
  persist: string | null
  clock: string
  ttlMode: string
  /** The admin API's token, or null on loopback. */
  adminToken: string | null
  env: Record<string, string>
}

/** Resolves with the exit code, killing the process if it has not exited within the bound. */
export async function exitCode(cli: CliProcess): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      cli.child.kill('SIGKILL')
      reject(new Error(`the CLI did not exit within ${WAIT_MS} ms; stderr: ${cli.stderr()}`))
    }, WAIT_MS)
  })
  try {
    return await Promise.race([cli.exited, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Kills every CLI process a test left running; for `afterEach`. */
export async function killRunningClis(): Promise<void> {
  const children = [...running]
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('close', () => resolve())
          child.kill('SIGKILL')
        }),
    ),
  )
}
