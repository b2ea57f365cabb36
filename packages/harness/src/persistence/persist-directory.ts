import { mkdirSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { EmulatorError } from '../errors/emulator-error.js'

/**
 * Makes the `persist` directory and its missing parents, one level at a time, or throws one
 * clear error. Written by hand rather than with `mkdirSync({ recursive: true })`: on Node 20
 * that loops forever, synchronously (no signal can stop the process), on a path under a
 * directory where mkdir fails with ENOENT, such as `/proc/x`.
 * @throws {@link EmulatorError} `INVALID_OPTIONS` naming the path and what is wrong with it
 */
export function ensurePersistDirectory(path: string): void {
  const target = resolve(path)
  const missing: string[] = []
  let current = target
  for (;;) {
    const kind = kindOf(current)
    if (kind === 'directory') break
    if (kind === 'other') {
      throw new EmulatorError(
        'INVALID_OPTIONS',
        `persist: ${current} exists and is not a directory, so ${target} cannot be made there: choose another directory`,
      )
    }
    missing.unshift(current)
    const parent = dirname(current)
    if (parent === current) break
    current = parent
  }
  for (const directory of missing) {
    try {
      mkdirSync(directory)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EEXIST' && kindOf(directory) === 'directory') continue
      throw new EmulatorError(
        'INVALID_OPTIONS',
        `persist: cannot make the directory ${directory} (${code ?? (error as Error).message}): choose a directory you can write to`,
        { cause: error },
      )
    }
  }
}

function kindOf(path: string): 'directory' | 'other' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'other'
  } catch {
    return 'missing'
  }
}
