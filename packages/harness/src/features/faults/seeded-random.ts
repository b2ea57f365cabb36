/**
 * A pseudo-random generator of numbers in [0, 1) from a 32-bit seed (mulberry32). Written here
 * rather than taken from a library: it is six lines, and a fault rule needs nothing more than a
 * reproducible sequence per rule, which `Math.random` cannot give.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}
