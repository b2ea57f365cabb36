import { createRequire } from 'node:module'
import { type DynaliteAction, requireDynalite, resolveDynaliteFile } from './dynalite-internals.js'

const require = createRequire(import.meta.url)

/**
 * Replaces one of dynalite's action modules (`dynalite/actions/<name>`) with the harness's own,
 * for everything that loads it afterwards (the engine loads actions on first use). Actions are
 * whole functions, not exports of a module object, so the module's cache entry is what changes.
 */
export function replaceDynaliteAction(name: string, action: DynaliteAction): void {
  requireDynalite(`actions/${name}`)
  const cached = require.cache[resolveDynaliteFile(`actions/${name}`)]
  if (!cached) throw new Error(`dynalite's action ${name} is not loaded where expected`)
  cached.exports = action
}
