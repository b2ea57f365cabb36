import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { EmulatorError } from '../errors/emulator-error.js'

/**
 * One emulator per persistence directory. dynalite fails on a LevelDB lock held by another
 * process with an error it rethrows outside any callback, which would crash the host; so the
 * emulator takes its own lock first and fails cleanly.
 */
export class DirectoryLock {
  readonly #file: string

  private constructor(file: string) {
    this.#file = file
  }

  /**
   * @throws {@link EmulatorError} `PERSIST_LOCKED` when a live process holds the directory
   */
  static acquire(directory: string): DirectoryLock {
    const file = join(directory, 'emulator.lock')
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(readFileSync(file, 'utf8'))
      if (holder !== process.pid && isAlive(holder)) {
        throw new EmulatorError(
          'PERSIST_LOCKED',
          `${directory} is in use by another emulator (pid ${holder}): stop it, or persist to another directory`,
        )
      }
      if (holder === process.pid) {
        throw new EmulatorError(
          'PERSIST_LOCKED',
          `${directory} is in use by another emulator in this process: stop it first, or persist to another directory`,
        )
      }
      // The holder died without cleaning up: the lock is stale.
      writeFileSync(file, String(process.pid))
    }
    return new DirectoryLock(file)
  }

  release(): void {
    rmSync(this.#file, { force: true })
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
