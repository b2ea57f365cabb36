import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

/** The example's directory, where `next build` writes `.next/`. */
export const appDir = fileURLToPath(new URL('../../', import.meta.url))

/** The Next.js CLI, run with this Node rather than through a package manager. */
export const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')

/**
 * Variables that configure AWS or Auth.js, removed from what the tests pass on to Next.js, so
 * that a developer's own settings never reach the app (and `next build` proves it needs none).
 */
export const hostVariables = [
  'AUTH_DYNAMODB_ENDPOINT',
  'AUTH_DYNAMODB_REGION',
  'AUTH_DYNAMODB_ID',
  'AUTH_DYNAMODB_SECRET',
  'AUTH_SECRET',
  'AUTH_URL',
  'AUTH_TRUST_HOST',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_DYNAMODB',
  // vitest sets NODE_ENV=test; `next build` and `next start` set their own.
  'NODE_ENV',
] as const

/** `process.env` without {@link hostVariables}, plus `extra`. */
export function appEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
  for (const name of hostVariables) delete env[name]
  return { ...env, ...extra }
}

/** A `next start` process serving the built app. */
export interface NextServer {
  /**
   * The app's URL, on `localhost`: browsers treat `http://localhost` as a secure context, which
   * WebAuthn requires, and `127.0.0.1` would not match the passkeys' relying party id.
   */
  readonly url: string
  /** Everything the server printed so far (stdout and stderr): Auth.js logs its errors there. */
  output(): string
  /** Stops the server (SIGTERM) and waits for it to exit. Idempotent. */
  close(): Promise<void>
}

const readyTimeoutMs = 30_000

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanUp()
      reject(new Error(`next start printed no URL within ${readyTimeoutMs} ms:\n${output()}`))
    }, readyTimeoutMs)
    const onData = () => {
      const port = /Local:\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(output())?.[1]
      if (port === undefined || !output().includes('Ready in')) return
      cleanUp()
      resolve(`http://localhost:${port}`)
    }
    const onExit = (code: number | null) => {
      cleanUp()
      reject(new Error(`next start exited with ${code} before it was ready:\n${output()}`))
    }
    const cleanUp = () => {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.stderr?.off('data', onData)
      child.off('exit', onExit)
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', onExit)
  })
}

/**
 * Runs `next start` on a free loopback port with the built app (`next build` must have run;
 * the tests' global setup does it) and the given environment.
 *
 * @param env - the app's variables (AUTH_DYNAMODB_*, AUTH_SECRET...), on top of {@link appEnv}
 * @throws Error with the server's output when it exits or prints no URL within 30 s
 */
export async function startNextServer(env: Record<string, string>): Promise<NextServer> {
  const child = spawn(
    process.execPath,
    [nextBin, 'start', '--port', '0', '--hostname', '127.0.0.1'],
    {
      cwd: appDir,
      env: appEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const append = (chunk: Buffer) => {
    output += chunk.toString()
  }
  child.stdout.on('data', append)
  child.stderr.on('data', append)
  const exited = once(child, 'exit')
  let closed: Promise<void> | undefined
  const close = () => {
    closed ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    })()
    return closed
  }
  try {
    const url = await waitForUrl(child, () => output)
    return { url, output: () => output, close }
  } catch (error) {
    await close()
    throw error
  }
}
