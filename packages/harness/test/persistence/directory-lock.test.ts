import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { startEmulator } from '../../src/index.js'
import {
  currentHolder,
  DirectoryLock,
  type LockHolder,
  startTimeOf,
} from '../../src/persistence/directory-lock.js'
import { exitCode, killRunningClis, startCli, startCliJson } from '../cli/cli-process.js'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  await killRunningClis()
})

function directory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'auth-dynamo-lock-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

function writeLock(dir: string, holder: LockHolder | string): string {
  const file = join(dir, 'emulator.lock')
  writeFileSync(file, typeof holder === 'string' ? holder : JSON.stringify(holder))
  return file
}

/** A live process that is not this one and holds no lock: its PID stands for another emulator. */
async function otherProcess(): Promise<ChildProcess & { pid: number }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
  await new Promise((resolve) => child.once('spawn', resolve))
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGKILL')
      }),
  )
  return child as ChildProcess & { pid: number }
}

const linux = existsSync('/proc/self/stat')

describe('a lock file left by a process that is gone is taken over', () => {
  test("one recording this process's own PID (a container restarted after a crash runs as PID 1 again)", () => {
    const dir = directory()
    writeLock(dir, currentHolder())
    const lock = DirectoryLock.acquire(dir)
    lock.release()
    expect(existsSync(join(dir, 'emulator.lock'))).toBe(false)
  })

  test.runIf(linux)(
    'one recording a live PID that another process has now (another start time)',
    async () => {
      const dir = directory()
      const other = await otherProcess()
      const startTime = startTimeOf(other.pid)
      expect(startTime).not.toBeNull()
      writeLock(dir, {
        pid: other.pid,
        startTime: (startTime as number) - 1,
        bootId: currentHolder().bootId,
      })
      DirectoryLock.acquire(dir).release()
    },
  )

  test.runIf(linux)('one written before the machine rebooted', async () => {
    const dir = directory()
    const other = await otherProcess()
    writeLock(dir, { pid: other.pid, startTime: startTimeOf(other.pid), bootId: 'another-boot' })
    DirectoryLock.acquire(dir).release()
  })

  test('one recording a PID no process has, in the older bare-PID form', () => {
    const dir = directory()
    writeLock(dir, '2147483646')
    DirectoryLock.acquire(dir).release()
  })

  test('one cut short mid-write', () => {
    const dir = directory()
    writeLock(dir, '{"pid": 12')
    DirectoryLock.acquire(dir).release()
  })

  test('startEmulator takes over a stale lock of its own PID and records itself', async () => {
    const dir = directory()
    writeLock(dir, currentHolder())
    const emulator = await startEmulator({ persist: dir, tables: [] })
    cleanups.push(() => emulator.stop())
    const recorded = JSON.parse(readFileSync(join(dir, 'emulator.lock'), 'utf8')) as LockHolder
    expect(recorded).toEqual(currentHolder())
  })
})

describe('a lock held by a live emulator refuses the start, naming the lock file and how to clear it', () => {
  test('another process that still runs', async () => {
    const dir = directory()
    const other = await otherProcess()
    const file = writeLock(dir, {
      ...currentHolder(),
      pid: other.pid,
      startTime: startTimeOf(other.pid),
    })
    expect(() => DirectoryLock.acquire(dir)).toThrowError(
      expect.objectContaining({
        code: 'PERSIST_LOCKED',
        message: `${dir} is in use by another emulator (pid ${other.pid}): stop it, or persist to another directory. If no emulator uses it any more, delete the lock file ${file} and start again.`,
      }),
    )
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(other.pid)
  })

  test('another emulator in this process', async () => {
    const dir = directory()
    const first = await startEmulator({ persist: dir, tables: [] })
    cleanups.push(() => first.stop())
    await expect(startEmulator({ persist: dir, tables: [] })).rejects.toMatchObject({
      code: 'PERSIST_LOCKED',
      message: expect.stringMatching(/in use by another emulator in this process/),
    })
  })

  test('the CLI prints the lock file and exits 1', async () => {
    const dir = directory()
    const { cli: first } = await startCliJson(['--port', '0', '--persist', dir])
    const second = startCli(['--port', '0', '--persist', dir])
    expect(await exitCode(second)).toBe(1)
    expect(second.stderr()).toContain(`delete the lock file ${join(dir, 'emulator.lock')}`)
    first.child.kill('SIGTERM')
    expect(await exitCode(first)).toBe(0)
  })
})
