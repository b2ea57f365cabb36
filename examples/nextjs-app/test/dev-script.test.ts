import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { adminClient } from '@auth-dynamo/harness'
import { afterEach, describe, expect, test } from 'vitest'
import { appDir, appEnv } from './support/next-server.js'

interface DevOutput {
  emulator: string
  app: string
}

// Resolves with the printed URLs once `next dev` is ready; rejects if the script exits first.
function readyOutput(child: ChildProcess): Promise<DevOutput> {
  return new Promise((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk
      const emulator = /^DynamoDB emulator: (\S+)/m.exec(output)?.[1]
      const app = /Local:\s+(http:\/\/localhost:\d+)/.exec(output)?.[1]
      if (emulator && app && output.includes('Ready in')) resolve({ emulator, app })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) =>
      reject(new Error(`dev exited with ${code} before it was ready:\n${output}`)),
    )
  })
}

describe('the dev script (scripts/dev.mjs)', () => {
  let child: ChildProcess | undefined

  afterEach(() => {
    if (child?.exitCode === null) child.kill('SIGKILL')
  })

  test('starts the emulator and next dev, and stops both cleanly on SIGTERM', async () => {
    child = spawn(process.execPath, ['scripts/dev.mjs', '--port', '0'], {
      cwd: appDir,
      env: appEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const ready = await readyOutput(child)

    const health = await adminClient(ready.emulator).health()
    expect(health).toMatchObject({ state: 'running', tables: ['next-auth'] })
    // No page is requested: `next dev` would compile it first (tens of seconds on a small CI
    // machine), and the tests against `next build` cover the pages.

    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    expect(await exited).toEqual([0, null])
    await expect(fetch(`${ready.emulator}/_emulator/health`)).rejects.toThrow()
  }, 120_000)
})
