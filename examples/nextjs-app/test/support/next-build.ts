import { spawn } from 'node:child_process'
import { appDir, appEnv, hostVariables, nextBin } from './next-server.js'

/**
 * vitest global setup: `next build`, with none of {@link hostVariables} set (no AWS region,
 * credentials or endpoint, no AUTH_SECRET), as a CI build of a real app has none of them.
 * `REUSE_NEXT_BUILD=1` skips it when iterating on the tests against an existing build.
 *
 * @throws Error with the build's output when it fails
 */
export default async function buildApp(): Promise<void> {
  if (process.env.REUSE_NEXT_BUILD === '1') return
  const started = Date.now()
  const child = spawn(process.execPath, [nextBin, 'build'], {
    cwd: appDir,
    env: appEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (code !== 0) {
    throw new Error(
      `next build failed (exit ${code}) without ${hostVariables.join(', ')}:\n${output}`,
    )
  }
  console.log(`next build: ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
