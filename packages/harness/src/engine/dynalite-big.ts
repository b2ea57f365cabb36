import { createRequire } from 'node:module'
import { resolveDynaliteFile } from './dynalite-internals.js'

/** The parts of big.js (6.x) the harness uses. */
export interface BigNumber {
  /** Coefficient digits, most significant first (no leading or trailing zeros, except `[0]`). */
  readonly c: number[]
  /** Exponent of the first digit: `1.5e3` has `e` 3. */
  readonly e: number
  /** Sign: 1 or -1. */
  readonly s: number
  cmp(other: BigNumber | string): number
  eq(other: BigNumber | string): boolean
  toFixed(): string
}

type BigConstructor = new (value: string | BigNumber) => BigNumber

// The big.js dynalite itself computes with (its own dependency, not ours): numbers the harness
// compares and checks behave exactly as those dynalite's actions add, subtract and store.
const requireFromDynalite = createRequire(resolveDynaliteFile('package.json'))

/** big.js's constructor, as dynalite loads it. */
export const Big = requireFromDynalite('big.js') as BigConstructor
