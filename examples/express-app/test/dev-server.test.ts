import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { adminClient } from '@auth-dynamo/harness'
import { afterEach, describe, expect, test } from 'vitest'

const devScript = fileURLToPath(new URL('../dist/dev.js', import.meta.url))

interface DevOutput {
  emulator: string
  app: string
}

// Resolves with the printed URLs once the script says it is ready; rejects if it exits first.
function readyOutput(child: ChildProcess): Promise<DevOutput> {
  return new Promise((resolve, reject) => {
    let stdout = ''
    let stderr = ''
    child.stderr?.on('data', (chunk) => {
      stderr += chunk
    })
    child.stdout?.on('data', (chunk) => {
      stdout += chunk
      const emulator = /^DynamoDB emulator: (\S+)/m.exec(stdout)?.[1]
      const app = /^App: +(\S+)/m.exec(stdout)?.[1]
      if (emulator && app && stdout.includes('Press Ctrl+C')) resolve({ emulator, app })
    })
    child.once('exit', (code) =>
      reject(new Error(`dev exited with ${code} before it was ready:\n${stdout}\n${stderr}`)),
    )
  })
}

describe('the dev script', () => {
  let child: ChildProcess | undefined

  afterEach(() => {
    if (child?.exitCode === null) child.kill('SIGKILL')
  })

  test('starts the emulator and the app together, and stops cleanly on SIGTERM', async () => {
    if (!existsSync(devScript)) {
      throw new Error(`${devScript} is missing: build first (pnpm --filter express-app build).`)
    }
    const { AUTH_SECRET: _, ...env } = process.env
    child = spawn(process.execPath, [devScript, '--port', '0'], { env, stdio: 'pipe' })
    const ready = await readyOutput(child)

    expect(ready.app).toMatch(/^http:\/\/localhost:\d+$/)
    const signIn = await fetch(`${ready.app}/signin`)
    expect(signIn.status).toBe(200)
    expect(await signIn.text()).toContain('Email me a sign-in link')
    const health = await adminClient(ready.emulator).health()
    expect(health).toMatchObject({ state: 'running', tables: ['next-auth'] })

    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    expect(await exited).toEqual([0, null])
  })
})
