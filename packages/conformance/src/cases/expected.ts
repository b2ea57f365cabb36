/**
 * `expected` plus the `id` that `actual` carries, when `expected` has none: accounts, sessions
 * and authenticators may get a surrogate `id` from the backend, which the suite accepts; any
 * other extra field (a leaked storage attribute) still fails the comparison.
 *
 * @param expected - what the test wrote
 * @param actual - what the adapter or a probe returned
 */
export function withBackendId<T extends object>(expected: T, actual: unknown): T {
  if (actual !== null && typeof actual === 'object' && 'id' in actual && !('id' in expected)) {
    return { ...expected, id: actual.id }
  }
  return expected
}

/**
 * A copy of `list` in credential id order, so lists compare without depending on the order the
 * adapter returns them in.
 *
 * @param list - authenticators, or anything with a `credentialID`
 */
export function sortedByCredentialId<T extends { credentialID: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (a.credentialID < b.credentialID ? -1 : 1))
}
