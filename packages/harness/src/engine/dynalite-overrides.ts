import { installIndexLag } from '../features/index-lag/index-lag-override.js'
import { installMemoizedParsers } from './memoized-parsers.js'
import { installUpdatedItemNestingLimit } from './updated-item-nesting.js'
import { installValueFidelityOverrides } from './value-fidelity-overrides.js'

/**
 * Everything the harness changes inside dynalite's modules, installed once per process before
 * the first store opens; registered in this one place. Each entry replaces an export of a
 * dynalite module that its actions call through the module object (`db.compare`,
 * `parser.parse`...), with the harness's own implementation, and says why in its own file.
 */
// Order matters where two wrap the same export: a later entry wraps what the earlier installed
// (value fidelity wraps the index-lag updateIndexes, so its refusals come before any write).
const overrides: Array<() => void> = [
  installMemoizedParsers,
  installIndexLag,
  installValueFidelityOverrides,
  installUpdatedItemNestingLimit,
]

let installed = false

/** Installs every override once. */
export function installDynaliteOverrides(): void {
  if (installed) return
  for (const install of overrides) install()
  installed = true
}
