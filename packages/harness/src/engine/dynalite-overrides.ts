import { installIndexLag } from '../features/index-lag/index-lag-override.js'
import { installMemoizedParsers } from './memoized-parsers.js'

/**
 * Everything the harness changes inside dynalite's modules, installed once per process before
 * the first store opens; registered in this one place. Each entry replaces an export of a
 * dynalite module that its actions call through the module object (`db.compare`,
 * `parser.parse`...), with the harness's own implementation, and says why in its own file.
 */
const overrides: Array<() => void> = [installMemoizedParsers, installIndexLag]

let installed = false

/** Installs every override once. */
export function installDynaliteOverrides(): void {
  if (installed) return
  for (const install of overrides) install()
  installed = true
}
