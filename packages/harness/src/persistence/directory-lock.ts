import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { EmulatorError } from '../errors/emulator-error.js'

/** What the lock file records of the process holding it. */
export interface LockHolder {
  pid: number
  /**
   * When the process started, in clock ticks after boot (`/proc/<pid>/stat`, field 22), or
   * null where `/proc` is missing. With the PID it names one process: a PID reused by another
   * process has another start time.
   */
  startTime: number | null
  /** The kernel's boot id (`/proc/sys/kernel/random/boot_id`): a lock from before a reboot is stale. */
  bootId: string | null
}

const lockFileName = 'emulator.lock'

// Locks this process holds: one process may run several emulators, never two on one directory.
const heldHere = new Set<string>()

/**
 * One emulator per persistence directory. dynalite fails on a LevelDB lock held by another
 * process with an error it rethrows outside any callback, which would crash the host; so the
 * emulator takes its own lock first and fails cleanly.
 *
 * A lock left by a process that died (`kill -9`, a crash, a container stopped) is stale and
 * taken over. The holder is told apart from a process that merely has its PID now by the PID's
 * start time and the boot id, not by the PID alone: a container restarted after a crash runs
 * the emulator under the same PID (often 1) again, and after a reboot any process may have it.
 */
export class DirectoryLock {
  readonly #file: string

  private constructor(file: string) {
    this.#file = file
  }

  /**
   * @throws {@link EmulatorError} `PERSIST_LOCKED` when a live process (or another emulator in
   *   this one) holds the directory; the message names the lock file and how to clear it
   */
  static acquire(directory: string): DirectoryLock {
    const file = join(directory, lockFileName)
    if (heldHere.has(file)) {
      throw new EmulatorError(
        'PERSIST_LOCKED',
        `${directory} is in use by another emulator in this process: stop it first, or persist to another directory`,
      )
    }
    // Two attempts: the second follows taking a stale lock away.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(file, JSON.stringify(currentHolder()), { flag: 'wx' })
        heldHere.add(file)
        return new DirectoryLock(file)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const holder = readHolder(file)
      if (holder && !isStale(holder)) {
        throw new EmulatorError(
          'PERSIST_LOCKED',
          `${directory} is in use by another emulator (pid ${holder.pid}): stop it, or persist to another directory. If no emulator uses it any more, delete the lock file ${file} and start again.`,
        )
      }
      // Renaming is atomic: of several processes finding the same stale lock, one moves it away
      // and the others find it gone (or taken anew) on their next attempt.
      try {
        renameSync(file, `${file}.stale-${process.pid}`)
        rmSync(`${file}.stale-${process.pid}`, { force: true })
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      }
    }
    throw new EmulatorError(
      'PERSIST_LOCKED',
      `${directory} was locked by another emulator starting at the same moment: stop it, or persist to another directory. If no emulator uses it, delete the lock file ${file} and start again.`,
    )
  }

  /** Gives the directory up. Idempotent. */
  release(): void {
    if (!heldHere.delete(this.#file)) return
    rmSync(this.#file, { force: true })
  }
}

/** This process, as a lock file records it. */
export function currentHolder(): LockHolder {
  return { pid: process.pid, startTime: startTimeOf(process.pid), bootId: bootId() }
}

/**
 * Whether a recorded holder is gone: its PID is this process's own (this process holds no such
 * lock: the caller checked), or belongs to no live process, or to one started at another time,
 * or the machine rebooted since.
 */
export function isStale(holder: LockHolder): boolean {
  if (holder.pid === process.pid) return true
  if (!isAlive(holder.pid)) return true
  const boot = bootId()
  if (holder.bootId !== null && boot !== null && holder.bootId !== boot) return true
  if (holder.startTime === null) return false
  const startTime = startTimeOf(holder.pid)
  return startTime !== null && startTime !== holder.startTime
}

/** The holder a lock file records; an older lock holds a bare PID. Null when unreadable. */
function readHolder(file: string): LockHolder | null {
  let text: string
  try {
    text = readFileSync(file, 'utf8').trim()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  if (/^\d+$/.test(text)) return { pid: Number(text), startTime: null, bootId: null }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>
    if (typeof parsed.pid === 'number' && Number.isInteger(parsed.pid)) {
      return {
        pid: parsed.pid,
        startTime: typeof parsed.startTime === 'number' ? parsed.startTime : null,
        bootId: typeof parsed.bootId === 'string' ? parsed.bootId : null,
      }
    }
  } catch {
    // A lock file cut short by a kill mid-write: no holder can be named, so it is stale.
  }
  return null
}

/** Field 22 of `/proc/<pid>/stat`, or null (no such process, or no `/proc`). */
export function startTimeOf(pid: number): number | null {
  let stat: string
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return null
  }
  // The command name (field 2) is in parentheses and may contain spaces: count after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const startTime = Number(fields[19])
  return Number.isFinite(startTime) ? startTime : null
}

function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null
  } catch {
    return null
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
