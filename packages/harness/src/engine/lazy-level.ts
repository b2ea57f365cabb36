import Module, { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/**
 * Runs `load` (which requires `dynalite/db`) with dynalite's `level` (LevelDB on disk: a
 * native addon and its modules, a fifth of dynalite's load time) replaced by a constructor that
 * loads it on first use, so an emulator that keeps its data in memory never loads it. The
 * stand-in is in `require.cache` only while `load` runs: any other module requiring `level`
 * later gets the real one.
 */
export function withLazyLevel<T>(load: () => T): T {
  const levelPath = createRequire(require.resolve('dynalite/db')).resolve('level')
  if (require.cache[levelPath]) return load()
  function Level(...args: unknown[]) {
    const { Level: RealLevel } = require(levelPath) as {
      Level: new (...args: unknown[]) => object
    }
    return new RealLevel(...args)
  }
  const standIn = new Module(levelPath)
  standIn.filename = levelPath
  standIn.loaded = true
  standIn.exports = { Level }
  require.cache[levelPath] = standIn
  try {
    return load()
  } finally {
    if (require.cache[levelPath] === standIn) delete require.cache[levelPath]
  }
}
